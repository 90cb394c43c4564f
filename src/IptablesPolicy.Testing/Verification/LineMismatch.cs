namespace IptablesPolicy.Testing.Verification;

/// <summary>One difference between a fixture line's expectations and the findings at that line.</summary>
/// <param name="Kind">What kind of difference.</param>
/// <param name="Line">The fixture line.</param>
/// <param name="LineText">The line's text, for the reader.</param>
/// <param name="Expected">What was expected (<c>IPT1102 "text"</c>), null for an unexpected finding.</param>
/// <param name="Found">What was found (<c>IPT1102: message</c>), null for a missing one.</param>
public sealed record LineMismatch(MismatchKind Kind, int Line, string LineText, string? Expected, string? Found)
{
    /// <summary>One readable line: what was expected and what was found.</summary>
    public string Describe() => Kind switch
    {
        MismatchKind.Missing => $"expected {Expected}, found nothing",
        MismatchKind.Unexpected => $"unexpected {Found}",
        MismatchKind.WrongMessage => $"expected {Expected}, found {Found}",
        _ => $"expected no {Expected}, found {Found}",
    };
}

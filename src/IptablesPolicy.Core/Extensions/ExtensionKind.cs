namespace IptablesPolicy.Core.Extensions;

/// <summary>Whether an extension is loaded with <c>-m</c> or with <c>-j</c>.</summary>
internal enum ExtensionKind
{
    Match,
    Target,
}

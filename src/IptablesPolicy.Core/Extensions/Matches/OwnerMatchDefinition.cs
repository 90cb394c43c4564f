using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m owner</c> (libxt_owner.c, revision 1): the local socket's user and group (single ids or
/// <c>FIRST-LAST</c> ranges), whether a socket exists, and <c>--suppl-groups</c>, which must follow
/// <c>--gid-owner</c>. The kernel allows it only on the OUTPUT and POSTROUTING hooks.
/// </summary>
internal sealed class OwnerMatchDefinition : ExtensionDefinition
{
    public override string Name => "owner";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--socket-exists") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--uid-owner") { CanNegate = true, Normalize = (values, context) => ParseId(values[0], "--uid-owner", context) },
        new OptionSpec("--gid-owner") { CanNegate = true, Normalize = (values, context) => ParseId(values[0], "--gid-owner", context) },
        OptionSpec.Flag("--suppl-groups"),
    ];

    public override IReadOnlyList<ExtensionOption>? Canonicalize(IReadOnlyList<GivenOption> given, ExtensionContext context)
    {
        // iptables reads options in order: --suppl-groups refines the --gid-owner already read.
        var errorsBefore = context.Errors.Count;
        var gidSeen = false;
        foreach (var option in given)
        {
            gidSeen |= option.Name == "--gid-owner";
            if (option.Name == "--suppl-groups" && !gidSeen)
                context.Fail("--suppl-groups of match owner needs --gid-owner before it", option.At);
        }
        var options = base.Canonicalize(given, context);
        return context.Errors.Count > errorsBefore ? null : options;
    }

    /// <summary>
    /// A user or group id or range (<c>0-10</c> or <c>0:10</c>), saved as <c>0-10</c>. <c>root</c> is id 0 on
    /// every system; other names depend on the machine iptables runs on, so they are kept as typed.
    /// </summary>
    private static IReadOnlyList<string>? ParseId(string text, string option, ExtensionContext context)
    {
        if (text == "root")
            return ["0"];
        const ulong max = uint.MaxValue - 1;
        if (!Numbers.TryParsePrefix(text, 0, out var first, out var end))
        {
            if (text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-')
                return [text];
            context.Fail($"invalid {option} '{text}': expected a name, an id or FIRST-LAST");
            return null;
        }
        var last = first;
        if (end < text.Length && text[end] is '-' or ':' && !Numbers.TryParsePrefix(text, end + 1, out last, out end))
            end = -1;
        if (end != text.Length || first > max || last > max)
        {
            context.Fail($"invalid {option} '{text}': expected a name, an id or FIRST-LAST with ids up to {max}");
            return null;
        }
        if (first > last)
        {
            context.Fail($"invalid {option} '{text}': the range is reversed (the kernel refuses FIRST above LAST)");
            return null;
        }
        return [Numbers.FormatRange(first, last, '-')];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        options.RequireAny(context, Name, "--uid-owner", "--gid-owner", "--socket-exists");
        if (Hooks.IsBuiltInOtherThan(context, "OUTPUT", "POSTROUTING"))
            context.Fail($"match owner works only in OUTPUT and POSTROUTING (the kernel refuses it in {context.Chain})");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new OwnerMatch(options);
}

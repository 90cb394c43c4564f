using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m realm --realm VALUE[/MASK]</c> (libipt_realm.c): the routing realm, saved as <c>0xV</c> or
/// <c>0xV/0xM</c>. Names come from the machine's <c>/etc/iproute2/rt_realms</c>: iproute2 ships it with
/// <c>0 cosmos</c> only, so realm 0 is read and saved as <c>cosmos</c>; other names are kept as written.
/// </summary>
internal sealed class RealmMatchDefinition : ExtensionDefinition
{
    public override string Name => "realm";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv4;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--realm")
        {
            CanNegate = true,
            Normalize = (values, context) =>
            {
                var text = values[0] == "cosmos" ? "0" : values[0];
                if (!Numbers.TryParsePrefix(text, 0, out var value, out var end) || value > uint.MaxValue)
                    return text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-' ? values : Bad(text, context);
                if (end == text.Length)
                    return [Named(value)];
                if (text[end] != '/')
                    return values;
                if (!Numbers.TryParsePrefix(text, end + 1, out var mask, out end) || end != text.Length || mask > uint.MaxValue)
                    return Bad(text, context);
                return [mask == uint.MaxValue ? Named(value) : $"{Hex(value)}/{Hex(mask)}"];
            },
        },
    ];

    private static string Hex(ulong value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x}");

    private static string Named(ulong value) => value == 0 ? "cosmos" : Hex(value);

    private static IReadOnlyList<string>? Bad(string text, ExtensionContext context)
    {
        context.Fail($"invalid --realm '{text}': expected VALUE[/MASK] with 32-bit numbers, or a realm name");
        return null;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--realm");
}

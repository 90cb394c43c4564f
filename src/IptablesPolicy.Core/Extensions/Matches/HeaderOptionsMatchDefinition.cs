using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The shape of <c>-m hbh</c> (libip6t_hbh.c) and <c>-m dst</c> (libip6t_dst.c): the options header's
/// length and a list of up to 16 options <c>TYPE[:LENGTH]</c> (numbers truncated to 8 bits as iptables does).
/// </summary>
internal abstract class HeaderOptionsMatchDefinition : ExtensionDefinition
{
    private const int MaxOptions = 16;

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    /// <summary>Creates the length option.</summary>
    protected static OptionSpec Length(string name) => new(name) { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, name) };

    /// <summary>Creates the options-list option.</summary>
    protected static OptionSpec List(string name) => new(name) { Normalize = NormalizeList };

    private static IReadOnlyList<string>? NormalizeList(IReadOnlyList<string> values, ExtensionContext context)
    {
        var parts = values[0].Split(',');
        if (parts.Length > MaxOptions)
        {
            context.Fail($"too many header options in '{values[0]}': expected at most {MaxOptions}");
            return null;
        }
        var rendered = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            var colon = part.IndexOf(':');
            if (Number(colon < 0 ? part : part[..colon], context) is not { } type)
                return null;
            if (colon < 0)
            {
                rendered.Add(type.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (type == 0)
            {
                context.Fail("option 0 (Pad1) has no length: expected TYPE without :LENGTH");
                return null;
            }
            if (Number(part[(colon + 1)..], context) is not { } length)
                return null;
            // print_options leaves out a length of 255, the value that stands for "any length".
            rendered.Add(length == 0xFF ? type.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{type}:{length}"));
        }
        return [string.Join(',', rendered)];
    }

    private static int? Number(string text, ExtensionContext context)
    {
        if (Numbers.TryParse(text, out var value))
            return (int)(value & 0xFF);
        context.Fail($"bad header option number '{text}': expected TYPE[:LENGTH] with numbers");
        return null;
    }
}

/// <summary><c>-m hbh</c>: the Hop-by-Hop Options header (<c>--hbh-len</c>, <c>--hbh-opts</c>).</summary>
internal sealed class HbhMatchDefinition : HeaderOptionsMatchDefinition
{
    public override string Name => "hbh";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Length("--hbh-len"), List("--hbh-opts")];
}

/// <summary><c>-m dst</c>: the Destination Options header (<c>--dst-len</c>, <c>--dst-opts</c>).</summary>
internal sealed class DstMatchDefinition : HeaderOptionsMatchDefinition
{
    public override string Name => "dst";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Length("--dst-len"), List("--dst-opts")];
}

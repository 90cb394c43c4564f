using System.Text;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Rendering;

/// <summary>
/// Renders the model as iptables-save prints it: rules in the order <c>-s -d -i -o -p -f</c>, matches,
/// target (nft-ipv4.c <c>nft_ipv4_save_rule</c> and iptables.c <c>print_rule4</c> agree on it), values
/// quoted as <c>xtables_save_string</c> quotes them, and whole snapshots with headers and counters.
/// </summary>
public static class SaveFormatWriter
{
    /// <summary>The rule as iptables-save prints it, without counters: <c>-A CHAIN ...</c>.</summary>
    public static string RenderRule(Rule rule)
    {
        var builder = new StringBuilder(96);
        AppendRule(builder, rule);
        return builder.ToString();
    }

    /// <summary>Appends the rule's text to <paramref name="builder"/>, for writers that render many rules.</summary>
    internal static void AppendRule(StringBuilder builder, Rule rule)
    {
        builder.Append("-A ").Append(rule.Chain.Name);
        AppendRuleBody(builder, rule);
    }

    /// <summary>A match as iptables-save prints it: <c>-m tcp --dport 22</c>.</summary>
    public static string RenderMatch(Match match)
    {
        var builder = new StringBuilder();
        AppendMatch(builder, match);
        return builder.ToString(1, builder.Length - 1);
    }

    /// <summary>A target as iptables-save prints it: <c>-j REJECT --reject-with icmp-port-unreachable</c>; empty for no target.</summary>
    public static string RenderTarget(Target target)
    {
        var builder = new StringBuilder();
        AppendTarget(builder, target);
        return builder.Length == 0 ? string.Empty : builder.ToString(1, builder.Length - 1);
    }

    /// <summary>An extension option as iptables-save prints it: <c>! --dport 22</c>.</summary>
    public static string RenderOption(ExtensionOption option)
    {
        var builder = new StringBuilder();
        AppendOption(builder, option);
        return builder.ToString(1, builder.Length - 1);
    }

    /// <summary>
    /// The whole snapshot in iptables-save format: a <c>*table</c> block per table with its chain
    /// declarations, rules and <c>COMMIT</c>; rule counters as <c>[packets:bytes]</c> when <paramref name="counters"/> is set.
    /// </summary>
    public static void Write(Snapshot snapshot, TextWriter writer, bool counters = false)
    {
        var builder = new StringBuilder(256);
        foreach (var table in snapshot.Tables)
        {
            writer.Write('*');
            writer.Write(table.Name);
            writer.Write('\n');
            foreach (var chain in table.Chains)
            {
                var policyCounters = chain.PolicyCounters ?? new Counters(0, 0);
                writer.Write($":{chain.Name} {(chain.IsBuiltIn ? chain.Policy ?? "ACCEPT" : "-")} {policyCounters}\n");
            }
            foreach (var rule in table.Rules)
            {
                builder.Clear();
                if (counters && rule.Counters is { } c)
                    builder.Append(c.ToString()).Append(' ');
                AppendRule(builder, rule);
                builder.Append('\n');
                writer.Write(builder);
            }
            writer.Write("COMMIT\n");
        }
    }

    private static void AppendRuleBody(StringBuilder builder, Rule rule)
    {
        AppendNegatable(builder, "-s", rule.Source);
        AppendNegatable(builder, "-d", rule.Destination);
        AppendNegatable(builder, "-i", rule.InInterface);
        AppendNegatable(builder, "-o", rule.OutInterface);
        AppendNegatable(builder, "-p", rule.Protocol);
        if (rule.Fragment != FragmentFilter.Any)
            builder.Append(rule.Fragment == FragmentFilter.ExceptNonFirstFragments ? " ! -f" : " -f");
        for (var i = 0; i < rule.Matches.Count; i++)
            AppendMatch(builder, rule.Matches[i]);
        AppendTarget(builder, rule.Target);
    }

    private static void AppendNegatable<T>(StringBuilder builder, string flag, Negatable<T>? field)
    {
        if (field is not { } value)
            return;
        if (value.IsNegated)
            builder.Append(" !");
        builder.Append(' ').Append(flag).Append(' ').Append(value.Value);
    }

    private static void AppendMatch(StringBuilder builder, Match match)
    {
        builder.Append(" -m ").Append(match.Name);
        for (var i = 0; i < match.Options.Count; i++)
            AppendOption(builder, match.Options[i]);
    }

    private static void AppendTarget(StringBuilder builder, Target target)
    {
        switch (target.Kind)
        {
            case TargetKind.None:
                return;
            case TargetKind.Goto:
                builder.Append(" -g ").Append(target.Name);
                return;
            default:
                builder.Append(" -j ").Append(target.Name);
                for (var i = 0; i < target.Options.Count; i++)
                    AppendOption(builder, target.Options[i]);
                return;
        }
    }

    private static void AppendOption(StringBuilder builder, ExtensionOption option)
    {
        if (option.IsNegated)
            builder.Append(" !");
        builder.Append(' ').Append(option.Name);
        for (var i = 0; i < option.Values.Count; i++)
        {
            var value = option.Values[i];
            switch (option.Quoting)
            {
                case ValueQuoting.WhenNeeded:
                    AppendSaveString(builder, value);
                    break;
                case ValueQuoting.Always:
                    builder.Append(' ');
                    AppendQuoted(builder, value, escapeApostrophe: false);
                    break;
                default:
                    builder.Append(' ').Append(value);
                    break;
            }
        }
    }

    /// <summary>Quotes a value as libxtables' <c>xtables_save_string</c> does.</summary>
    internal static void AppendSaveString(StringBuilder builder, string value)
    {
        builder.Append(' ');
        if (value.Length > 0 && IsPlain(value))
        {
            builder.Append(value);
            return;
        }
        AppendQuoted(builder, value, escapeApostrophe: true);
    }

    // xtables_save_string escapes " \ and '; extensions that print their own quotes (string, LED) only " and \.
    private static void AppendQuoted(StringBuilder builder, string value, bool escapeApostrophe)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\' || (c == '\'' && escapeApostrophe))
                builder.Append('\\');
            builder.Append(c);
        }
        builder.Append('"');
    }

    private static bool IsPlain(string value)
    {
        foreach (var c in value.AsSpan())
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
                return false;
        }
        return true;
    }
}

using IptablesPolicy.Core.Extensions;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Reads the arguments of one rule (everything after <c>-A CHAIN</c>) the way iptables' command-line
/// parser does: common options, <c>-m</c> matches, <c>-j</c>/<c>-g</c> targets, <c>!</c> negation in
/// front of an option (and the deprecated <c>--option ! value</c>), <c>--option=value</c> and
/// <c>-pvalue</c>, and the implicit protocol match <c>-p tcp --dport 22</c>. Each known extension then
/// puts its options in the canonical form iptables-save prints. An instance is reused rule after rule
/// (its working lists with it), which keeps a 100k-rule parse from making garbage per rule.
/// </summary>
internal sealed class RuleArgumentParser
{
    private readonly List<PendingExtension> matches = [];
    private readonly List<PendingExtension> spare = [];
    private ExtensionContext? extensionContext;
    private IReadOnlyList<Token> tokens = [];
    private RuleContext context = null!;
    private List<LineProblem> problems = null!;
    private PendingExtension? target;
    private TargetKind targetKind;
    private int index;
    private int nextOrder;
    private IpFamily family;
    private Negatable<int>? protocol;
    private Negatable<AddressSpec>? source;
    private Negatable<AddressSpec>? destination;
    private Negatable<string>? inInterface;
    private Negatable<string>? outInterface;
    private FragmentFilter fragment;
    private Counters? counters;
    private int seenCommon;
    private readonly List<string> scratchValues = new(2);
    private readonly ModelInterner interner = new();

    // Rulesets repeat addresses (a pod CIDR on every masquerade rule, a service IP in several chains); the
    // spec is immutable, so each distinct text is parsed once per parser.
    private readonly Dictionary<string, AddressSpec?> addresses = new(StringComparer.Ordinal);

    /// <summary>Parses the rule arguments from <paramref name="start"/>; problems are added to <paramref name="problems"/>.</summary>
    /// <param name="tokens">The line's arguments.</param>
    /// <param name="start">The index of the first argument after the chain name.</param>
    /// <param name="context">Where the rule stands.</param>
    /// <param name="problems">Receives the problems found.</param>
    /// <param name="counters">The rule's counters when the line had them before <c>-A</c>.</param>
    /// <returns>The rule and the family its addresses showed (or the context's family).</returns>
    public (RuleSpec Rule, IpFamily Family) Parse(IReadOnlyList<Token> tokens, int start, RuleContext context, List<LineProblem> problems, Counters? counters = null)
    {
        this.tokens = tokens;
        this.context = context;
        this.problems = problems;
        this.counters = counters;
        index = start;
        family = context.Family;
        spare.AddRange(matches);
        matches.Clear();
        if (target is not null)
            spare.Add(target);
        target = null;
        targetKind = TargetKind.None;
        nextOrder = 0;
        protocol = null;
        source = destination = null;
        inInterface = outInterface = null;
        fragment = FragmentFilter.Any;
        seenCommon = 0;
        ReadAll();
        return (Build(), family);
    }

    private void ReadAll()
    {
        Token? bang = null;
        while (index < tokens.Count)
        {
            var token = tokens[index++];
            if (token.IsBang)
            {
                if (bang is not null)
                    problems.Add(LineProblem.Error("! given twice: expected an option after !", token));
                bang = token;
                continue;
            }
            if (!token.IsOption)
            {
                problems.Add(LineProblem.Error($"unexpected argument '{Shorten(token.Text)}': expected an option such as -p, -m or -j", token));
                continue;
            }
            ReadOption(token, bang is not null, bang);
            bang = null;
        }
        if (bang is { } dangling)
            problems.Add(LineProblem.Error("! at the end of the rule: expected an option after it", dangling));
    }

    private void ReadOption(Token token, bool negated, Token? bang)
    {
        var (name, attached) = SplitOption(token.Text);
        switch (name)
        {
            case "-p" or "--protocol":
                ReadProtocol(token, TakeValue(token, attached, ref negated), negated);
                break;
            case "-s" or "--source" or "--src":
                source = ReadAddress(token, TakeValue(token, attached, ref negated), negated, source);
                break;
            case "-d" or "--destination" or "--dst":
                destination = ReadAddress(token, TakeValue(token, attached, ref negated), negated, destination);
                break;
            case "-i" or "--in-interface":
                inInterface = ReadInterface(token, TakeValue(token, attached, ref negated), negated, inInterface);
                break;
            case "-o" or "--out-interface":
                outInterface = ReadInterface(token, TakeValue(token, attached, ref negated), negated, outInterface);
                break;
            case "-f" or "--fragment":
                ReadFragment(token, negated);
                break;
            case "-m" or "--match":
                RejectNegation(bang, "-m");
                if (TakeValue(token, attached) is { } module)
                    matches.Add(Rent(module.Text, ExtensionRegistry.FindMatch(module.Text, family), module, nextOrder++));
                break;
            case "-j" or "--jump" or "-g" or "--goto":
                RejectNegation(bang, name);
                ReadTarget(token, TakeValue(token, attached), name is "-g" or "--goto");
                break;
            case "-c" or "--set-counters":
                RejectNegation(bang, name);
                ReadCounters(token, attached);
                break;
            case "-4" or "--ipv4" or "-6" or "--ipv6":
                RejectNegation(bang, name);
                break;
            default:
                ReadExtensionOption(token, name, attached, negated);
                break;
        }
    }

    private void ReadProtocol(Token at, Token? value, bool negated)
    {
        if (value is not { } v || !Once("-p", at))
            return;
        if (!ProtocolNames.TryParse(v.Text, out var number))
        {
            problems.Add(LineProblem.Error($"unknown protocol '{v.Text}': expected a protocol name or a number from 0 to 255", v));
            return;
        }
        if (number == 0 && negated)
        {
            problems.Add(LineProblem.Error("! -p all can never match: expected a protocol other than all", v));
            return;
        }
        protocol = number == 0 ? null : new Negatable<int>(number, negated);
    }

    private Negatable<AddressSpec>? ReadAddress(Token at, Token? value, bool negated, Negatable<AddressSpec>? current)
    {
        if (value is not { } v || !Once(at.Text.StartsWith("--", StringComparison.Ordinal) ? at.Text : at.Text[..2], at))
            return current;
        if (v.Text.Contains(','))
        {
            problems.Add(LineProblem.Error($"several addresses in '{v.Text}': iptables makes one rule per address; expected one address per rule", v));
            return current;
        }
        var spec = ParseAddress(v.Text);
        if (spec is null)
        {
            problems.Add(LineProblem.Error($"'{Shorten(v.Text)}' is not an address: expected ADDRESS[/PREFIX] or ADDRESS/MASK", v));
            return current;
        }
        var addressFamily = spec.Address!.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IpFamily.IPv4 : IpFamily.IPv6;
        if (family == IpFamily.Unknown)
            family = addressFamily;
        else if (family != addressFamily)
        {
            problems.Add(LineProblem.Error($"{v.Text} is an {addressFamily} address in an {family} ruleset", v));
            return current;
        }
        // iptables drops a source or destination of 0.0.0.0/0 (it matches everything) unless negated.
        return spec.IsAny && !negated ? null : new Negatable<AddressSpec>(spec, negated);
    }

    private Negatable<string>? ReadInterface(Token at, Token? value, bool negated, Negatable<string>? current)
    {
        if (value is not { } v || !Once(at.Text[..2] == "--" ? at.Text : at.Text[..2], at))
            return current;
        // IFNAMSIZ is 16 bytes with the terminating NUL.
        if (v.Text.Length > 15)
        {
            problems.Add(LineProblem.Error($"interface name '{Shorten(v.Text)}' is longer than 15 characters", v));
            return current;
        }
        if (v.Text.Length == 0)
        {
            problems.Add(LineProblem.Error("empty interface name: expected a name such as eth0 or eth+", v));
            return current;
        }
        return v.Text == "+" && !negated ? null : new Negatable<string>(v.Text, negated);
    }

    private void ReadFragment(Token at, bool negated)
    {
        if (!Once("-f", at))
            return;
        if (family == IpFamily.IPv6)
        {
            problems.Add(LineProblem.Error("-f exists only in iptables (IPv4): ip6tables uses -m frag", at));
            return;
        }
        fragment = negated ? FragmentFilter.ExceptNonFirstFragments : FragmentFilter.NonFirstFragmentsOnly;
    }

    private void ReadTarget(Token at, Token? value, bool isGoto)
    {
        if (value is not { } v)
            return;
        if (target is not null)
        {
            problems.Add(LineProblem.Error("a second -j or -g: a rule has at most one target", at));
            return;
        }
        if (v.Text.Length == 0)
        {
            problems.Add(LineProblem.Error("empty target name: expected a verdict, a chain or a target extension", v));
            return;
        }
        targetKind = isGoto ? TargetKind.Goto : TargetKind.Jump;
        var definition = isGoto ? null : ExtensionRegistry.FindTarget(v.Text, family);
        target = Rent(v.Text, definition, v, nextOrder++);
    }

    private void ReadCounters(Token at, string? attached)
    {
        var first = attached is not null ? new Token(attached, at.StartColumn + 2, at.EndColumn, false) : TakeValue(at, null);
        if (first is not { } f)
            return;
        string packets, bytes;
        if (f.Text.Contains(','))
        {
            var parts = f.Text.Split(',');
            (packets, bytes) = parts.Length == 2 ? (parts[0], parts[1]) : (string.Empty, string.Empty);
        }
        else
        {
            packets = f.Text;
            bytes = index < tokens.Count ? tokens[index++].Text : string.Empty;
        }
        if (ulong.TryParse(packets, out var p) && ulong.TryParse(bytes, out var b))
            counters = new Counters(p, b);
        else
            problems.Add(LineProblem.Error("-c expects packet and byte counters: -c PACKETS BYTES or -c PACKETS,BYTES", at));
    }

    private void ReadExtensionOption(Token at, string name, string? attached, bool negated)
    {
        if (!name.StartsWith("--", StringComparison.Ordinal))
        {
            problems.Add(LineProblem.Error($"unknown option {name}: expected -p, -s, -d, -i, -o, -f, -m, -j, -g or an extension's --option", at));
            return;
        }
        var owner = FindOwner(name);
        if (owner is null)
        {
            problems.Add(LineProblem.Error($"unknown option {name}: no match or target of this rule takes it (load one with -m)", at));
            SkipValues();
            return;
        }
        var spec = owner.Definition?.FindOption(name);
        var values = scratchValues;
        values.Clear();
        if (attached is not null)
            values.Add(attached);
        var max = spec?.MaxValues ?? int.MaxValue;
        var min = spec?.MinValues ?? 0;
        var quoted = false;
        // getopt hands a required argument over whatever it looks like; further arguments stop at the next option.
        while (values.Count < max && index < tokens.Count
            && (values.Count < min || (!tokens[index].IsOption && !tokens[index].IsBang)))
        {
            if (values.Count == 0 && attached is null && min > 0 && tokens[index].IsBang)
            {
                problems.Add(LineProblem.Warning($"'{name} ! value' is deprecated: write '! {name} value'", tokens[index]));
                negated = !negated;
                index++;
                continue;
            }
            quoted |= tokens[index].WasQuoted;
            values.Add(tokens[index++].Text);
        }
        if (values.Count < min)
        {
            problems.Add(LineProblem.Error($"{name} expects {(min == 1 ? "an argument" : $"{min} arguments")}", at));
            return;
        }
        string[] kept = values.Count == 0 ? [] : [.. values];
        owner.Options.Add(new GivenOption(name, kept, negated, at) { WasQuoted = quoted });
    }

    private PendingExtension? FindOwner(string name)
    {
        if (target?.Definition?.FindOption(name) is not null)
            return target;
        foreach (var match in matches)
        {
            // A later -m of the same module takes over its options (iptables marks the earlier one completed).
            if (match.Definition?.FindOption(name) is not null && !HasLaterInstance(match))
                return match;
        }
        var latest = target is not null && target.Order > (matches.LastOrDefault()?.Order ?? -1) ? target : matches.LastOrDefault();
        if (latest is not null && latest.Definition is null && (latest != target || targetKind == TargetKind.Jump))
            return latest;
        if (protocol is { IsNegated: false } p)
        {
            var module = ImplicitModule(ProtocolNames.Canonical(p.Value));
            var definition = ExtensionRegistry.FindMatch(module, family);
            if (definition?.FindOption(name) is not null && !matches.Exists(m => m.Name == module))
            {
                var implicitMatch = Rent(module, definition, tokens[index - 1], nextOrder++);
                matches.Add(implicitMatch);
                return implicitMatch;
            }
        }
        return null;
    }

    private bool HasLaterInstance(PendingExtension match)
    {
        foreach (var other in matches)
        {
            if (other.Order > match.Order && other.Name == match.Name)
                return true;
        }
        return false;
    }

    private static string ImplicitModule(string protocol) => protocol switch
    {
        "ipv6-icmp" or "icmpv6" => "icmp6",
        "mobility-header" or "ipv6-mh" => "mh",
        _ => protocol,
    };

    private AddressSpec? ParseAddress(string text)
    {
        if (!addresses.TryGetValue(text, out var spec))
        {
            spec = AddressSpec.TryParse(text);
            if (addresses.Count < 1 << 20)
                addresses[text] = spec;
        }
        return spec;
    }

    private void SkipValues()
    {
        while (index < tokens.Count && !tokens[index].IsOption && !tokens[index].IsBang)
            index++;
    }

    private RuleSpec Build()
    {
        var protocolName = protocol is { } p ? new Negatable<string>(ProtocolNames.Canonical(p.Value), p.IsNegated) : (Negatable<string>?)null;
        var extensionContext = this.extensionContext ??= new ExtensionContext(family, context.Table.Name, context.Chain, null, false);
        extensionContext.Reset(family, context.Table.Name, context.Chain, protocolName?.Value, protocolName?.IsNegated ?? false);
        var builtMatches = matches.Count == 0 ? [] : new Match[matches.Count];
        for (var i = 0; i < builtMatches.Length; i++)
            builtMatches[i] = interner.Intern(BuildMatch(matches[i], extensionContext));
        return new RuleSpec
        {
            Counters = counters,
            Protocol = protocolName,
            Source = source,
            Destination = destination,
            InInterface = inInterface,
            OutInterface = outInterface,
            Fragment = fragment,
            Matches = builtMatches,
            Target = interner.Intern(BuildTarget(extensionContext)),
        };
    }

    private Match BuildMatch(PendingExtension pending, ExtensionContext extensionContext)
    {
        if (pending.Definition is not null && Canonicalize(pending, extensionContext) is var (definition, options))
            return definition.CreateMatch(options);
        return new Match(pending.Name, pending.RawOptions(), isKnown: false);
    }

    /// <summary>
    /// Lets the extension put its options in canonical form. When the rule's family is not known and the
    /// extension has an IPv4 and an IPv6 variant (REJECT, icmp), the variant that accepts the options
    /// decides the family; otherwise the first variant's errors are reported.
    /// </summary>
    private (ExtensionDefinition Definition, IReadOnlyList<ExtensionOption> Options)? Canonicalize(PendingExtension pending, ExtensionContext extensionContext)
    {
        var definition = pending.Definition!;
        extensionContext.Subject = pending.At;
        var errorsBefore = extensionContext.Errors.Count;
        var options = definition.Canonicalize(pending.Options, extensionContext);
        if (options is not null)
            return (definition, options);
        if (family == IpFamily.Unknown)
        {
            foreach (var twin in ExtensionRegistry.Twins(definition))
            {
                var twinContext = new ExtensionContext(twin.Family, context.Table.Name, context.Chain, extensionContext.Protocol, extensionContext.ProtocolNegated) { Subject = pending.At };
                if (twin.Canonicalize(pending.Options, twinContext) is { } twinOptions)
                {
                    family = twin.Family;
                    return (twin, twinOptions);
                }
            }
        }
        ReportExtensionErrors(extensionContext, errorsBefore);
        return null;
    }

    private Target BuildTarget(ExtensionContext extensionContext)
    {
        if (target is null)
            return new Target(TargetKind.None, string.Empty, [], isKnown: true);
        var name = target.Name;
        if (targetKind == TargetKind.Goto)
        {
            if (Target.Verdicts.Contains(name) || ExtensionRegistry.FindTarget(name, family) is not null)
                problems.Add(LineProblem.Error($"-g {name}: -g goes to a user-defined chain, not to a verdict or target extension", target.At));
            return Plain(TargetKind.Goto, name);
        }
        if (Target.Verdicts.Contains(name))
        {
            if (target.Options.Count > 0)
                problems.Add(LineProblem.Error($"{name} takes no options", target.Options[0].At));
            return Plain(TargetKind.Verdict, name);
        }
        if (target.Definition is not null)
        {
            return Canonicalize(target, extensionContext) is var (definition, options)
                ? definition.CreateTarget(options)
                : new Target(TargetKind.Extension, name, target.RawOptions(), isKnown: false);
        }
        if (target.Options.Count == 0)
            return Plain(TargetKind.Jump, name);
        if (context.IsChain(name))
            return new Target(TargetKind.Jump, name, target.RawOptions(), isKnown: true);
        return new Target(TargetKind.Extension, name, target.RawOptions(), isKnown: false);
    }

    /// <summary>
    /// A target without options. It repeats on thousands of rules (<c>-j KUBE-MARK-MASQ</c>); the model
    /// interner shares one instance of each, so no table of its own is kept here (a second table of every
    /// jump target's name cost about 9 MiB of peak memory on a 10k-service snapshot).
    /// </summary>
    private static Target Plain(TargetKind kind, string name) => new(kind, name, [], isKnown: true);

    private void ReportExtensionErrors(ExtensionContext extensionContext, int from)
    {
        for (var i = from; i < extensionContext.Errors.Count; i++)
        {
            var (message, at) = extensionContext.Errors[i];
            var token = at ?? tokens[^1];
            problems.Add(LineProblem.Error(message, token));
        }
    }

    private Token? TakeValue(Token option, string? attached)
    {
        var ignored = false;
        return TakeValue(option, attached, ref ignored);
    }

    private Token? TakeValue(Token option, string? attached, ref bool negated)
    {
        if (attached is not null)
            return new Token(attached, option.EndColumn - attached.Length, option.EndColumn, false);
        if (index < tokens.Count && tokens[index].IsBang && index + 1 < tokens.Count)
        {
            // The deprecated intrapositioned negation: -s ! 10.0.0.1.
            problems.Add(LineProblem.Warning($"'{option.Text} ! value' is deprecated: write '! {option.Text} value'", tokens[index]));
            negated = !negated;
            index++;
        }
        if (index < tokens.Count)
            return tokens[index++];
        problems.Add(LineProblem.Error($"{option.Text} expects an argument", option));
        return null;
    }

    private bool Once(string option, Token at)
    {
        var equals = option.IndexOf('=');
        if (equals > 0)
            option = option[..equals];
        var canonical = option switch
        {
            "--protocol" => "-p",
            "--source" or "--src" => "-s",
            "--destination" or "--dst" => "-d",
            "--in-interface" => "-i",
            "--out-interface" => "-o",
            "--fragment" => "-f",
            _ => option,
        };
        var bit = canonical switch
        {
            "-p" => 1,
            "-s" => 2,
            "-d" => 4,
            "-i" => 8,
            "-o" => 16,
            _ => 32,
        };
        if ((seenCommon & bit) == 0)
        {
            seenCommon |= bit;
            return true;
        }
        problems.Add(LineProblem.Error($"{canonical} given twice: a rule has at most one", at));
        return false;
    }

    private void RejectNegation(Token? bang, string option)
    {
        if (bang is { } b)
            problems.Add(LineProblem.Error($"! cannot negate {option}", b));
    }

    /// <summary>Splits <c>--name=value</c> and <c>-pvalue</c> as getopt does.</summary>
    private static (string Name, string? Attached) SplitOption(string text)
    {
        if (text.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = text.IndexOf('=');
            return equals > 0 ? (text[..equals], text[(equals + 1)..]) : (text, null);
        }
        return text.Length > 2 ? (text[..2], text[2..]) : (text, null);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>A match or target to collect options for, reused from an earlier rule when one is spare.</summary>
    private PendingExtension Rent(string name, ExtensionDefinition? definition, Token at, int order)
    {
        var pending = spare.Count > 0 ? spare[^1] : new PendingExtension();
        if (spare.Count > 0)
            spare.RemoveAt(spare.Count - 1);
        pending.Reset(name, definition, at, order);
        return pending;
    }
}

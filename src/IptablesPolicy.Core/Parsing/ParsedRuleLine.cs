using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// One <c>-A</c>/<c>-I</c> line waiting to be read, and what reading it gave, before it is added to its
/// chain: read on a worker thread, applied to the snapshot in line order. A struct in a reused array, so
/// queuing a rule allocates nothing.
/// </summary>
internal struct ParsedRuleLine
{
    public SourceLine Line { get; set; }

    public Table Table { get; set; }

    /// <summary>The index in the line where the command (<c>-A</c>) starts.</summary>
    public int Start { get; set; }

    /// <summary>The counters the line had before <c>-A</c>.</summary>
    public Counters? Counters { get; set; }

    /// <summary>The chain name token, or null when the line had none (the problem says so).</summary>
    public Token? Chain { get; set; }

    /// <summary>The 1-based position for <c>-I</c>, null to append.</summary>
    public int? Position { get; set; }

    public RuleSpec Spec { get; set; }

    public IpFamily Family { get; set; }

    public int RuleStartColumn { get; set; }

    /// <summary>The problems found, in the order found; null when there were none.</summary>
    public List<LineProblem>? Problems { get; set; }

    /// <summary>False when the line could not be tokenized or named no chain: nothing is added.</summary>
    public bool HasRule { get; set; }
}

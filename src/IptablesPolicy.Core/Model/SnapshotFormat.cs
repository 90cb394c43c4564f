namespace IptablesPolicy.Core.Model;

/// <summary>The text format a snapshot was read from.</summary>
public enum SnapshotFormat
{
    /// <summary><c>iptables-save</c> output: <c>*table</c> headers, <c>:CHAIN</c> declarations, <c>-A</c> rules and <c>COMMIT</c>.</summary>
    Save,

    /// <summary>Bare <c>-A CHAIN ...</c> lines, as <c>iptables-save | grep</c> prints them: no table headers or chain declarations.</summary>
    SaveFragment,

    /// <summary><c>iptables -S</c> output: <c>-P</c>, <c>-N</c> and <c>-A</c> lines of one table, without headers.</summary>
    RuleSpecs,

    /// <summary>A shell script of <c>iptables</c> / <c>ip6tables</c> commands (<c>-t</c>, <c>-N</c>, <c>-P</c>, <c>-A</c>, <c>-I</c>).</summary>
    Commands,

    /// <summary><c>iptables -L</c> output in any variant (<c>-n</c>, <c>-v</c>, <c>-x</c>, <c>--line-numbers</c>): one table, with what the listing cannot show marked unknown.</summary>
    Listing,
}

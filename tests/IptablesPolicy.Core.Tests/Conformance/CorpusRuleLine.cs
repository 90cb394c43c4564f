using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Tests.Conformance;

/// <summary>One rule line of a netfilter <c>extensions/*.t</c> file, resolved for the nft backend and one family.</summary>
public sealed record CorpusRuleLine(string File, int Line, IpFamily Family, string Table, string Chain, string Rule, string Expected, string Result)
{
    /// <summary>The text the test name shows.</summary>
    public override string ToString() => $"{File}:{Line} [{(Family == IpFamily.IPv4 ? "ip" : "ip6")}] {Rule}";
}

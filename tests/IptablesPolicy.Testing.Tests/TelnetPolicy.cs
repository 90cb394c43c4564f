namespace IptablesPolicy.Testing.Tests;

/// <summary>The policy the framework's own tests check fixtures with: telnet (port 23) accepted or dropped.</summary>
internal static class TelnetPolicy
{
    public const string Text = """
        var telnet = new PolicyDescriptor("ACME023", "Telnet rule", "rule in {0} handles telnet", "Security", Severity.Error);
        foreach (var rule in Rules.Where(r => r.Match<PortMatch>()?.DestinationPorts is { IsNegated: false, Value.First: 23 }))
            Report(telnet, rule, rule.Chain.Name);
        """;

    private static readonly Lazy<PolicyTester> Shared = new(() => PolicyTester.ForText(Text, "ACME023.csx"));

    public static PolicyTester Tester => Shared.Value;
}

namespace IptablesPolicy.Engine.Tests;

/// <summary>Small save-format rulesets the engine tests run policies over.</summary>
internal static class Rulesets
{
    public const string Filter = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        :UNUSED - [0:0]
        -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
        -A INPUT -p tcp -m tcp --dport 23 -j DROP
        COMMIT
        """;
}

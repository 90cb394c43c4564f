// Writes a generated kube-proxy-shaped ruleset (iptables-save format) to stdout or --output FILE:
//   dotnet run --project tests/IptablesPolicy.TestData.Generate -- --services 10000 > /tmp/k10k.v4
// A test-side tool: the product CLI gets no `generate` command until one is asked for.
using System.Globalization;
using System.Text;
using IptablesPolicy.TestData.KubeProxy;

const string Usage = """
    usage: IptablesPolicy.TestData.Generate [--services N] [--endpoints M] [--nodeport-percent P]
           [--without-endpoints-percent P] [--udp-percent P] [--seed S] [--counters] [--output FILE]
    """;

var options = new KubeProxyRulesetOptions();
string? output = null;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} expects a value");
        int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
        options = args[i] switch
        {
            "--services" => options with { Services = Number() },
            "--endpoints" => options with { EndpointsPerService = Number() },
            "--nodeport-percent" => options with { NodePortPercent = Number() },
            "--without-endpoints-percent" => options with { WithoutEndpointsPercent = Number() },
            "--udp-percent" => options with { UdpPercent = Number() },
            "--seed" => options with { Seed = ulong.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
            "--counters" => options with { Counters = true },
            "--output" or "-o" => SetOutput(Value()),
            "--help" or "-h" => throw new OperationCanceledException(),
            _ => throw new FormatException($"unknown option {args[i]}"),
        };
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine(Usage);
    return 0;
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 64;
}

var ruleset = KubeProxyRuleset.Create(options);
if (output is not null)
{
    ruleset.WriteToFile(output);
}
else
{
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    ruleset.WriteTo(stdout);
}
return 0;

KubeProxyRulesetOptions SetOutput(string path)
{
    output = path;
    return options;
}

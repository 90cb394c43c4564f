using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Engine.Tests;

public class RestrictedApiTests
{
    private static readonly object[] Cases =
    [
        new object[] { "var text = System.IO.File.ReadAllText(\"/etc/passwd\");", "System.IO.File.ReadAllText(string)", "file system access" },
        new object[] { "using System.IO;\nvar exists = Directory.Exists(\"/tmp\");", "System.IO.Directory.Exists(string?)", "file system access" },
        new object[] { "using static System.IO.File;\nvar text = ReadAllText(\"/etc/passwd\");", "System.IO.File.ReadAllText(string)", "file system access" },
        new object[] { "System.Diagnostics.Process.Start(\"sh\");", "System.Diagnostics.Process.Start(string)", "processes" },
        new object[] { "var client = new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient", "network access" },
        new object[] { "var t = typeof(string).GetMethod(\"Trim\", Type.EmptyTypes);", "System.Type.GetMethod(string, System.Type[])", "reflection" },
        new object[] { "Console.WriteLine(\"hi\");", "System.Console.WriteLine(string?)", "the console" },
        new object[] { "var home = Environment.GetEnvironmentVariable(\"HOME\");", "System.Environment.GetEnvironmentVariable(string)", "the process environment" },
        new object[] { "new System.Threading.Thread(() => { }).Start();", "System.Threading.Thread", "threads" },
    ];

    [TestCaseSource(nameof(Cases))]
    public void A_restricted_call_is_a_compile_time_fault_naming_it(string code, string call, string reason)
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("restricted.csx", code);

        var faults = workspace.Load("restricted.csx").Faults;

        var fault = faults.ShouldHaveSingleItem();
        fault.Kind.ShouldBe(FaultKind.RestrictedApi);
        fault.Id.ShouldBe("IPP0002");
        fault.Message.ShouldStartWith($"'{call}' is not allowed in a policy ({reason}");
        fault.Message.ShouldContain("--allow-unrestricted-policies");
    }

    [Test]
    public void Unrestricted_policies_may_use_them()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("restricted.csx", "var exists = System.IO.File.Exists(\"/nonexistent\");\nReport(Snapshot, exists.ToString());");

        var engine = workspace.Engine(allowUnrestricted: true);
        var result = workspace.Check(engine, Rulesets.Filter, "restricted.csx");

        result.Faults.ShouldBeEmpty();
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("False");
    }

    [Test]
    public void Addresses_paths_and_string_builders_are_allowed()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("allowed.csx", """
            var network = IPNetwork.Parse("10.0.0.0/8");
            var inside = network.Contains(IPAddress.Parse("10.1.2.3"));
            var name = System.IO.Path.GetFileName(Snapshot.Path);
            var text = new StringBuilder().Append(name).Append(inside).ToString();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Report(Snapshot, text);
            """);

        var result = workspace.Check(Rulesets.Filter, "allowed.csx");

        result.Faults.ShouldBeEmpty();
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("rules.v4True");
    }

    [Test]
    public void A_restricted_call_in_a_loaded_script_names_that_script()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("_helper.csx", "\nstatic string Read() => System.IO.File.ReadAllText(\"x\");\n");
        workspace.Write("main.csx", "#load \"_helper.csx\"\nReport(Snapshot, \"x\");\n");

        var fault = workspace.Load("main.csx").Faults.ShouldHaveSingleItem();

        fault.Span.Path.ShouldEndWith("_helper.csx");
        fault.Span.Line.ShouldBe(2);
    }

    [Test]
    public void References_with_r_are_refused()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("reference.csx", "#r \"System.Net.Http.dll\"\nReport(Snapshot, \"x\");\n");

        var fault = workspace.Load("reference.csx").Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(FaultKind.CompileError);
        fault.Message.ShouldContain("#r is not supported");
    }
}

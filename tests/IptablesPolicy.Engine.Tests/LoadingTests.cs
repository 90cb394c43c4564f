using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Tests;

public class LoadingTests
{
    [Test]
    public void A_policy_that_declares_nothing_takes_its_id_from_the_file_name()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("NoTelnet.csx", """
            foreach (var rule in Rules.Where(r => r.Text.Contains("--dport 23")))
                Report(rule, "telnet is open");
            """);

        var result = workspace.Check(Rulesets.Filter, "NoTelnet.csx");

        result.Faults.ShouldBeEmpty();
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Id.ShouldBe("NoTelnet");
        finding.Message.ShouldBe("telnet is open");
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Span.Line.ShouldBe(7);
        finding.RuleText.ShouldBe("-A INPUT -p tcp -m tcp --dport 23 -j DROP");
    }

    [Test]
    public void Descriptors_are_read_without_running_the_policy()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("acme.csx", """
            const string Category = "Hygiene";
            var unused = new PolicyDescriptor(
                id: "ACME001",
                title: "Unused chain",
                messageFormat: "chain {0} is never used",
                category: Category,
                defaultSeverity: Severity.Note,
                helpUri: "https://example.com/acme001",
                tags: ["hygiene", "acme"]);
            var other = new PolicyDescriptor("ACME002", "Other", "other", Category, Severity.Error, isEnabledByDefault: false);
            throw new InvalidOperationException("never run while loading");
            """);

        var set = workspace.Load("acme.csx");

        set.Faults.ShouldBeEmpty();
        set.Descriptors.Select(d => d.Id).ShouldBe(["ACME001", "ACME002"]);
        var first = set.Descriptors[0];
        first.Category.ShouldBe("Hygiene");
        first.DefaultSeverity.ShouldBe(Severity.Note);
        first.HelpUri.ShouldBe("https://example.com/acme001");
        first.Tags.ShouldBe(["hygiene", "acme"]);
        set.Descriptors[1].IsEnabledByDefault.ShouldBeFalse();
    }

    [Test]
    public void A_descriptor_built_from_run_time_values_is_a_compile_time_fault()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("dynamic.csx", """
            var id = "ACME" + Rules.Count();
            var d = new PolicyDescriptor(id, "t", "m", "c", Severity.Error);
            """);

        var fault = workspace.Load("dynamic.csx").Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(FaultKind.InvalidDescriptor);
        fault.Id.ShouldBe("IPP0003");
        fault.Span.Line.ShouldBe(2);
        fault.Message.ShouldContain("'id' must be a constant");
    }

    [Test]
    public void Help_text_is_read_from_the_id_named_markdown_file_next_to_the_policy()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("policies/acme.csx", """var d = new PolicyDescriptor("ACME001", "t", "m", "c", Severity.Error);""");
        workspace.Write("policies/ACME001.md", "# ACME001\nWhy it matters.");

        var set = workspace.Load("policies/acme.csx");

        set.Descriptors.ShouldHaveSingleItem().HelpMarkdown.ShouldBe("# ACME001\nWhy it matters.");
    }

    [Test]
    public void Two_policies_declaring_the_same_id_is_a_fault_and_only_the_first_runs()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("a.csx", """var d = new PolicyDescriptor("ACME001", "t", "first", "c", Severity.Error); Report(d, Snapshot);""");
        workspace.Write("b.csx", """var d = new PolicyDescriptor("ACME001", "t", "second", "c", Severity.Error); Report(d, Snapshot);""");

        var result = workspace.Check(Rulesets.Filter, "a.csx", "b.csx");

        var fault = result.Faults.ShouldHaveSingleItem();
        fault.Kind.ShouldBe(FaultKind.DuplicateId);
        fault.PolicyPath.ShouldEndWith("b.csx");
        fault.Message.ShouldContain("'ACME001' is already declared by");
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("first");
    }

    [Test]
    public void Load_runs_helper_scripts_with_paths_relative_to_the_policy()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("policies/shared/_ports.csx", """
            static bool OpensPort(Rule rule, int port) => rule.Text.Contains($"--dport {port} ");
            """);
        workspace.Write("policies/ssh.csx", """
            #load "shared/_ports.csx"
            foreach (var rule in Rules.Where(r => OpensPort(r, 22)))
                Report(rule, "ssh");
            """);

        var result = workspace.Check(Rulesets.Filter, "policies/ssh.csx");

        result.Faults.ShouldBeEmpty();
        result.Findings.ShouldHaveSingleItem().Span.Line.ShouldBe(6);
    }

    [Test]
    public void A_compile_error_in_a_loaded_script_names_that_script_and_its_line()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("policies/_broken.csx", "\nstatic int Broken() => \"text\";\n");
        workspace.Write("policies/uses.csx", "#load \"_broken.csx\"\nReport(Snapshot, \"x\");\n");

        var fault = workspace.Load("policies/uses.csx").Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(FaultKind.CompileError);
        fault.Span.Path.ShouldEndWith("policies/_broken.csx");
        fault.Span.Line.ShouldBe(2);
        fault.Message.ShouldStartWith("CS0029: ");
    }
}

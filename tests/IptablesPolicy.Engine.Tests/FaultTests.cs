using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Engine.Tests;

public class FaultTests
{
    private const string Reporter = """Report(Snapshot, "still reported");""";

    [Test]
    public void A_compile_error_names_the_policy_line_and_column_and_the_others_still_run()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("broken.csx", "var x = 1;\nvar y = x.NoSuchMember;\n");
        workspace.Write("good.csx", Reporter);

        var result = workspace.Check(Rulesets.Filter, "broken.csx", "good.csx");

        var fault = result.Faults.ShouldHaveSingleItem();
        fault.Kind.ShouldBe(FaultKind.CompileError);
        fault.Id.ShouldBe("IPP0001");
        fault.PolicyPath.ShouldEndWith("broken.csx");
        fault.Span.Line.ShouldBe(2);
        fault.Span.StartColumn.ShouldBe(11);
        fault.Message.ShouldBe("CS1061: 'int' does not contain a definition for 'NoSuchMember' and no accessible extension method 'NoSuchMember' accepting a first argument of type 'int' could be found (are you missing a using directive or an assembly reference?)");
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("still reported");
    }

    [Test]
    public void An_exception_names_the_policy_line_it_came_from()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("throws.csx", """
            var rules = Rules.ToList();
            Report(rules[0], "reported before the throw, then dropped");
            var chain = Snapshot.FindTable("nat")!.Chains[0];
            """);
        workspace.Write("good.csx", Reporter);

        var result = workspace.Check(Rulesets.Filter, "throws.csx", "good.csx");

        var fault = result.Faults.ShouldHaveSingleItem();
        fault.Kind.ShouldBe(FaultKind.Exception);
        fault.Id.ShouldBe("IPP0005");
        fault.Span.Line.ShouldBe(3);
        fault.SnapshotPath.ShouldBe("rules.v4");
        fault.Message.ShouldStartWith("the policy threw NullReferenceException: ");
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("still reported");
    }

    [Test]
    public void An_exception_inside_a_lambda_names_the_lambda_line()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("lambda.csx", "var counts = Rules\n    .Select(r => r.Matches.Count / (r.Position - r.Position))\n    .ToList();\n");

        var fault = workspace.Check(Rulesets.Filter, "lambda.csx").Faults.ShouldHaveSingleItem();

        fault.Span.Line.ShouldBe(2);
        fault.Message.ShouldStartWith("the policy threw DivideByZeroException");
    }

    [Test]
    public void Reporting_with_a_descriptor_the_policy_does_not_declare_is_a_fault_at_that_line()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("undeclared.csx", """
            var declared = new PolicyDescriptor("ACME001", "t", "m", "c", Severity.Error);
            PolicyDescriptor Make(string id) => new PolicyDescriptor(id, "t", "m", "c", Severity.Error);
            Report(declared, Snapshot);
            Report(Make("ACME999"), Snapshot);
            """);

        // The helper's `new PolicyDescriptor(id, ...)` is not constant: that is caught at compile time first.
        workspace.Load("undeclared.csx").Faults.ShouldHaveSingleItem().Kind.ShouldBe(FaultKind.InvalidDescriptor);
    }

    [Test]
    public void A_policy_that_runs_too_long_is_stopped_and_the_others_still_report()
    {
        using var workspace = new PolicyWorkspace();
        // Busy for 20 s without looking at its CancellationToken: far past the timeout, yet it ends by itself, so
        // the abandoned thread does not spin for the rest of the test run.
        workspace.Write("endless.csx", "var n = 0L;\nvar until = DateTime.UtcNow.AddSeconds(20);\nwhile (DateTime.UtcNow < until) { n++; }\n");
        workspace.Write("good.csx", Reporter);

        var result = workspace.Check(workspace.Engine(timeout: TimeSpan.FromMilliseconds(300)), Rulesets.Filter, "endless.csx", "good.csx");

        var fault = result.Faults.ShouldHaveSingleItem();
        fault.Kind.ShouldBe(FaultKind.Timeout);
        fault.Id.ShouldBe("IPP0006");
        fault.Message.ShouldContain("ran longer than 0.3 s");
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("still reported");
    }

    [Test]
    public void A_message_format_that_needs_more_arguments_is_a_fault_at_the_report()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("format.csx", """
            var d = new PolicyDescriptor("ACME001", "t", "needs {0} and {1}", "c", Severity.Error);
            Report(d, Snapshot, "one");
            """);

        var fault = workspace.Check(Rulesets.Filter, "format.csx").Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(FaultKind.Exception);
        fault.Span.Line.ShouldBe(2);
        fault.Message.ShouldStartWith("the policy threw FormatException");
    }

    [Test]
    public void Reporting_by_message_alone_is_refused_when_a_policy_declares_several_descriptors()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("two.csx", """
            var a = new PolicyDescriptor("ACME001", "t", "m", "c", Severity.Error);
            var b = new PolicyDescriptor("ACME002", "t", "m", "c", Severity.Error);
            Report(Snapshot, "which one?");
            """);

        var fault = workspace.Check(Rulesets.Filter, "two.csx").Faults.ShouldHaveSingleItem();

        fault.Span.Line.ShouldBe(3);
        fault.Message.ShouldContain("this policy declares 2 descriptors");
    }

    [Test]
    public void A_file_name_that_is_not_an_id_needs_a_descriptor()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("no telnet.csx", Reporter);

        var fault = workspace.Load("no telnet.csx").Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(FaultKind.InvalidDescriptor);
        fault.Message.ShouldContain("file name 'no telnet' is not a valid id");
    }
}

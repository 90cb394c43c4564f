using System.Text.RegularExpressions;
using IptablesPolicy.Cli.Output;

namespace IptablesPolicy.Cli.Tests;

/// <summary>What <c>check --timings</c> says of each step: its time, its detail and the collections that paused it.</summary>
[TestFixture]
public sealed class CheckTimingsTests
{
    [Test]
    public void A_step_names_the_garbage_collections_during_it()
    {
        var timings = new CheckTimings();
        GC.Collect();
        timings.EndStep("read snapshots", "1 snapshot, 3 rules");
        GC.Collect();
        timings.EndStep("write reports", "");

        var error = new StringWriter();
        timings.WriteSteps(error);

        var lines = error.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(3);
        lines[1].ShouldMatch(@"^  read snapshots  \d+\.\d{3} s  1 snapshot, 3 rules; \d+ garbage collections?, \d+\.\d{3} s paused$");
        lines[2].ShouldMatch(@"^  write reports   \d+\.\d{3} s  \d+ garbage collections?, \d+\.\d{3} s paused$");
    }

    [Test]
    public void A_step_without_collections_keeps_its_detail_alone()
    {
        var timings = new CheckTimings();
        // Other tests may collect at any time; a step is measured until a run of it saw no collection.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var count = GC.CollectionCount(0);
            timings.EndStep("wait", "detail");
            if (GC.CollectionCount(0) == count)
                break;
        }

        var error = new StringWriter();
        timings.WriteSteps(error);

        error.ToString().ReplaceLineEndings("\n").Split('\n').ShouldContain(line => Regex.IsMatch(line, @"^  wait  \d+\.\d{3} s  detail$"));
    }
}

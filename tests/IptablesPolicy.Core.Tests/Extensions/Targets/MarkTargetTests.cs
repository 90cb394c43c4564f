using IptablesPolicy.Core.Model.Targets;
using static IptablesPolicy.Core.Tests.Extensions.Targets.TargetParsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

[TestFixture]
public sealed class MarkTargetTests
{
    [TestCase("--or-mark 0x4000", "0x4000/0x4000", MarkOperation.Or, 0x4000u)]
    [TestCase("--set-mark 0x1", "0x1/0xffffffff", MarkOperation.Set, 0x1u)]
    [TestCase("--set-mark 0x1/0xff", "0x1/0xff", MarkOperation.SetXmark, 0x1u)]
    [TestCase("--and-mark 0x0f", "0x0/0xfffffff0", MarkOperation.And, 0xfu)]
    [TestCase("--xor-mark 3", "0x3/0x0", MarkOperation.Xor, 0x3u)]
    [TestCase("--set-xmark 0x0", "0x0/0xffffffff", MarkOperation.And, 0x0u)]
    [TestCase("--set-xmark 4294967295", "0xffffffff/0xffffffff", MarkOperation.Or, 0xffffffffu)]
    public void Every_mark_operation_saves_as_set_xmark_and_reads_back_its_name(string option, string xmark, MarkOperation operation, uint operand)
    {
        var mark = Target<MarkTarget>($"-j MARK {option}", table: "mangle");
        mark.ToString().ShouldBe($"-j MARK --set-xmark {xmark}");
        mark.Operation.ShouldBe(operation);
        mark.Operand.ShouldBe(operand);
    }

    [Test]
    public void Kube_proxy_masquerade_mark_reads_value_and_mask()
    {
        var mark = Target<MarkTarget>("-j MARK --set-xmark 0x4000/0x4000");
        (mark.Value, mark.Mask).ShouldBe((0x4000u, 0x4000u));
    }

    [TestCase("-j MARK", "needs one of")]
    [TestCase("-j MARK --set-xmark 4294967296", "invalid mark")]
    [TestCase("-j MARK --set-xmark -1", "invalid mark")]
    [TestCase("-j MARK --set-mark 1 --or-mark 2", "cannot be combined")]
    public void Invalid_marks_are_rejected(string arguments, string message)
    {
        Errors(arguments, table: "mangle").ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }

    [Test]
    public void Connmark_save_and_restore_print_both_masks()
    {
        var save = Target<ConnmarkTarget>("-j CONNMARK --save-mark", table: "mangle");
        save.Operation.ShouldBe(MarkOperation.Save);
        (save.NfMask, save.CtMask).ShouldBe((0xffffffffu, 0xffffffffu));
        save.ToString().ShouldBe("-j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff");

        var restore = Target<ConnmarkTarget>("-j CONNMARK --restore-mark --mask 0xff", table: "mangle");
        restore.Operation.ShouldBe(MarkOperation.Restore);
        (restore.NfMask, restore.CtMask).ShouldBe((0xffu, 0xffu));
        restore.ToString().ShouldBe("-j CONNMARK --restore-mark --nfmask 0xff --ctmask 0xff");
    }

    [Test]
    public void Connmark_set_operations_save_as_set_xmark()
    {
        var set = Target<ConnmarkTarget>("-j CONNMARK --set-mark 5", table: "mangle");
        set.Operation.ShouldBe(MarkOperation.Set);
        (set.Value, set.Mask).ShouldBe((5u, 0xffffffffu));
        set.NfMask.ShouldBeNull();
        set.ToString().ShouldBe("-j CONNMARK --set-xmark 0x5/0xffffffff");
        Saved("-j CONNMARK --or-mark 0x10", table: "mangle").ShouldBe("-j CONNMARK --set-xmark 0x10/0x10");
    }

    [Test]
    public void Connmark_shift_is_read_and_printed_only_when_not_zero()
    {
        var shifted = Target<ConnmarkTarget>("-j CONNMARK --restore-mark --right-shift-mark 8", table: "mangle");
        shifted.Shift.ShouldBe(-8);
        shifted.ToString().ShouldBe("-j CONNMARK --restore-mark --nfmask 0xffffffff --ctmask 0xffffffff --right-shift-mark 8");
        Saved("-j CONNMARK --save-mark --left-shift-mark 0", table: "mangle").ShouldBe("-j CONNMARK --save-mark --nfmask 0xffffffff --ctmask 0xffffffff");
    }

    [TestCase("-j CONNMARK", "needs one of")]
    [TestCase("-j CONNMARK --save-mark --mask 1 --nfmask 2", "cannot be combined")]
    public void Invalid_connmarks_are_rejected(string arguments, string message)
    {
        Errors(arguments, table: "mangle").ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }
}

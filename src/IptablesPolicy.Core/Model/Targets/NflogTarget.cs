using System.Globalization;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary><c>-j NFLOG</c>: hands the packet to user space over nfnetlink_log (ulogd, tcpdump <c>nflog:</c>) and lets it continue.</summary>
public sealed class NflogTarget : Target
{
    internal NflogTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "NFLOG", options, isKnown: true)
    {
    }

    /// <summary>The netlink group the packets go to (<c>--nflog-group</c>); 0 unless given.</summary>
    public int Group => (int)(Number("--nflog-group") ?? 0);

    /// <summary>The text attached to each packet (<c>--nflog-prefix</c>), or null.</summary>
    public string? Prefix => Option("--nflog-prefix")?.Value;

    /// <summary>How many bytes of each packet are copied (<c>--nflog-size</c>, or the obsolete <c>--nflog-range</c>); null for the whole packet.</summary>
    public uint? CopyLength => (uint?)(Number("--nflog-size") ?? Number("--nflog-range"));

    /// <summary>How many packets the kernel queues before sending them (<c>--nflog-threshold</c>); 0 (the kernel default) unless given.</summary>
    public int Threshold => (int)(Number("--nflog-threshold") ?? 0);

    private ulong? Number(string name) => Option(name)?.Value is { } text ? ulong.Parse(text, CultureInfo.InvariantCulture) : null;
}

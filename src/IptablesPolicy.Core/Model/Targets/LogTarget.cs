using System.Globalization;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary><c>-j LOG</c>: writes a kernel log line for the packet and lets it continue.</summary>
public sealed class LogTarget : Target
{
    internal LogTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "LOG", options, isKnown: true)
    {
    }

    /// <summary>The text the log line starts with (<c>--log-prefix</c>), or null.</summary>
    public string? Prefix => Option("--log-prefix")?.Value;

    /// <summary>The syslog level, 0 (emerg) to 7 (debug); 4 (warning) unless <c>--log-level</c> says otherwise.</summary>
    public int Level => Option("--log-level")?.Value is { } level ? int.Parse(level, CultureInfo.InvariantCulture) : 4;

    /// <summary>What the log line includes beyond the headers.</summary>
    public LogFlags Flags =>
        (Option("--log-tcp-sequence") is null ? LogFlags.None : LogFlags.TcpSequence)
        | (Option("--log-tcp-options") is null ? LogFlags.None : LogFlags.TcpOptions)
        | (Option("--log-ip-options") is null ? LogFlags.None : LogFlags.IpOptions)
        | (Option("--log-uid") is null ? LogFlags.None : LogFlags.Uid)
        | (Option("--log-macdecode") is null ? LogFlags.None : LogFlags.MacDecode);
}

/// <summary>The optional parts of a LOG line.</summary>
[Flags]
public enum LogFlags
{
    /// <summary>Only the default fields.</summary>
    None = 0,

    /// <summary><c>--log-tcp-sequence</c>: TCP sequence numbers.</summary>
    TcpSequence = 1,

    /// <summary><c>--log-tcp-options</c>: the TCP options.</summary>
    TcpOptions = 2,

    /// <summary><c>--log-ip-options</c>: the IP options.</summary>
    IpOptions = 4,

    /// <summary><c>--log-uid</c>: the user id of the local socket.</summary>
    Uid = 8,

    /// <summary><c>--log-macdecode</c>: the MAC addresses and protocol, decoded.</summary>
    MacDecode = 16,
}

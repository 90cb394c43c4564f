using System.Globalization;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary><c>-j TCPMSS</c>: rewrites the maximum segment size option of TCP SYN packets.</summary>
public sealed class TcpmssTarget : Target
{
    internal TcpmssTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "TCPMSS", options, isKnown: true)
    {
    }

    /// <summary>The MSS written (<c>--set-mss</c>), or null when the target clamps to the path MTU.</summary>
    public int? SetMss => Option("--set-mss")?.Value is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary><c>--clamp-mss-to-pmtu</c>: the MSS is lowered to the path MTU less the headers.</summary>
    public bool ClampToPmtu => Option("--clamp-mss-to-pmtu") is not null;
}

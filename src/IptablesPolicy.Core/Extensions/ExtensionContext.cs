using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions;

/// <summary>What an extension may know of the rule it is in, and where it reports problems.</summary>
internal sealed class ExtensionContext
{
    private List<(string Message, Token? At)>? errors;

    public ExtensionContext(IpFamily family, string? table, string chain, string? protocol, bool protocolNegated)
    {
        Reset(family, table, chain, protocol, protocolNegated);
    }

    /// <summary>Makes the context describe another rule, so one instance serves a whole parse.</summary>
    internal void Reset(IpFamily family, string? table, string chain, string? protocol, bool protocolNegated)
    {
        Family = family;
        Table = table;
        Chain = chain;
        Protocol = protocol;
        ProtocolNegated = protocolNegated;
        Subject = null;
        errors?.Clear();
    }

    /// <summary>The family of the rule; <see cref="IpFamily.Unknown"/> when the input does not say.</summary>
    public IpFamily Family { get; private set; }

    /// <summary>The table the rule is in, when known.</summary>
    public string? Table { get; private set; }

    /// <summary>The chain the rule is added to (a built-in chain decides the netfilter hook).</summary>
    public string Chain { get; private set; } = string.Empty;

    /// <summary>The canonical protocol name of the rule's <c>-p</c>, or null.</summary>
    public string? Protocol { get; private set; }

    /// <summary>True when the rule's <c>-p</c> is negated.</summary>
    public bool ProtocolNegated { get; private set; }

    /// <summary>The token to blame when a problem is not tied to one option.</summary>
    public Token? Subject { get; set; }

    public IReadOnlyList<(string Message, Token? At)> Errors => errors ?? (IReadOnlyList<(string, Token?)>)[];

    public bool HasErrors => errors is { Count: > 0 };

    /// <summary>Reports a problem with the extension's options; the extension's result is then not used.</summary>
    public void Fail(string message, Token? at = null) => (errors ??= []).Add((message, at ?? Subject));

    /// <summary>True when the rule's protocol is <paramref name="protocol"/> and not negated.</summary>
    public bool ProtocolIs(string protocol) => !ProtocolNegated && Protocol == protocol;

    /// <summary>True when the rule's protocol is one of <paramref name="protocols"/> and not negated.</summary>
    public bool ProtocolIs(params string[] protocols) =>
        Protocol is not null && !ProtocolNegated && Array.IndexOf(protocols, Protocol) >= 0;
}

using System.Security.Cryptography;

namespace IptablesPolicy.TestInfrastructure;

/// <summary>
/// A throw-away network namespace (<c>ip netns add ipp-test-…</c>) with its own, empty netfilter tables,
/// so a test can load a ruleset into the kernel without touching the host's. Disposing deletes it.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public static NetworkNamespace Create()
    {
        var name = "ipp-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var result = ProcessRunner.Run("ip", ["netns", "add", name]);
        if (!result.Succeeded)
            throw new InvalidOperationException($"ip netns add {name} failed: {result}");
        return new NetworkNamespace(name);
    }

    /// <summary>Runs <paramref name="program"/> inside the namespace.</summary>
    public ProcessResult Run(string program, IEnumerable<string> arguments, string? standardInput = null) =>
        ProcessRunner.Run("ip", ["netns", "exec", Name, program, .. arguments], standardInput);

    public void Dispose() => ProcessRunner.Run("ip", ["netns", "delete", Name]);
}

using System.Diagnostics;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>A network namespace made for one test and always deleted after it (<c>ip netns add</c> / <c>del</c>).</summary>
internal sealed class ThrowAwayNamespace : IDisposable
{
    private ThrowAwayNamespace(string name) => Name = name;

    public string Name { get; }

    public static bool CanCreate(out string reason)
    {
        if (Environment.UserName != "root")
        {
            reason = "needs root to create network namespaces";
            return false;
        }
        foreach (var tool in new[] { "ip", "iptables-nft", "iptables-legacy", "ip6tables-nft", "ip6tables-legacy" })
        {
            if (!File.Exists("/usr/sbin/" + tool) && !File.Exists("/sbin/" + tool) && !File.Exists("/usr/bin/" + tool))
            {
                reason = $"{tool} is not installed (apt-get install iptables iproute2)";
                return false;
            }
        }
        reason = string.Empty;
        return true;
    }

    public static ThrowAwayNamespace Create()
    {
        var name = "ipp-listing-" + Guid.NewGuid().ToString("N")[..10];
        Run("ip", ["netns", "add", name]).ShouldBe(0, $"ip netns add {name} failed");
        return new ThrowAwayNamespace(name);
    }

    /// <summary>Runs a command inside the namespace; gives its exit code, stdout and stderr.</summary>
    public (int ExitCode, string Output, string Error) Exec(string command, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var argument in new[] { "netns", "exec", Name, command }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    public void Dispose() => Run("ip", ["netns", "del", Name]);

    private static int Run(string command, string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// Skips a test whose prerequisite is missing, with the reason; under <c>CI=true</c> a missing prerequisite fails
/// the test instead, so CI can never pass by skipping (the pattern of the Core tests' <c>Prerequisites</c>).
/// </summary>
internal static class PackPrerequisites
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string reason)
    {
        if (available)
            return;
        if (IsCi)
            Assert.Fail($"prerequisite missing under CI=true: {reason}");
        Assert.Ignore(reason);
    }

    /// <summary>The full path of a program on <c>PATH</c> (or in the sbin folders root's PATH has), or null.</summary>
    public static string? Find(string program)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"]);
        return path.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>Whether the effective user id is 0 (a container's root may have no user name).</summary>
    public static bool IsRoot
    {
        get
        {
            if (!OperatingSystem.IsLinux())
                return false;
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line is not null && line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";
        }
    }
}

namespace IptablesPolicy.Engine.Sources;

/// <summary>How output names a file: relative to the working directory when it is below it, else its full path.</summary>
public static class DisplayPath
{
    /// <summary>The display form of <paramref name="fullPath"/>, with forward slashes when relative.</summary>
    public static string Of(string fullPath, string? workingDirectory = null)
    {
        var relative = Path.GetRelativePath(workingDirectory ?? Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }
}

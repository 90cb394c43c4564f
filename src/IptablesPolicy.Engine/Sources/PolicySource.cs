namespace IptablesPolicy.Engine.Sources;

/// <summary>One policy script to compile: its path, its text and the files it may <c>#load</c>.</summary>
public sealed class PolicySource
{
    internal PolicySource(string path, string displayPath, string text, PolicyOrigin origin, IPolicyFiles files)
    {
        Path = path;
        DisplayPath = displayPath;
        Text = text;
        Origin = origin;
        Files = files;
    }

    /// <summary>The full path (<c>builtin:policies/NAME.csx</c> for the built-in pack); compiled into the script so
    /// compiler messages and exceptions name it.</summary>
    public string Path { get; }

    /// <summary>The path as output shows it: relative to the working directory when below it.</summary>
    public string DisplayPath { get; }

    /// <summary>The script's text.</summary>
    public string Text { get; }

    /// <summary>Where it comes from.</summary>
    public PolicyOrigin Origin { get; }

    /// <summary>The file name without <c>.csx</c>: the policy's id when the script declares no descriptor.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path.Replace('\\', '/').Split('/')[^1]);

    internal IPolicyFiles Files { get; }

    /// <summary>The files the script <c>#load</c>s, transitively; read once, for the cache key, the finder and exception locations.</summary>
    internal IReadOnlyList<LoadDirectiveScanner.LoadedFile> LoadedFiles => field ??= LoadDirectiveScanner.LoadedFiles(this);

    /// <summary>A policy read from a file on disk.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PolicySource FromFile(string path, string? workingDirectory = null)
    {
        var full = System.IO.Path.GetFullPath(path, workingDirectory ?? Directory.GetCurrentDirectory());
        return new PolicySource(full, Sources.DisplayPath.Of(full, workingDirectory), File.ReadAllText(full), PolicyOrigin.File, FileSystemPolicyFiles.Instance);
    }

    /// <summary>A policy given as text (tests, <c>IptablesPolicy.Testing</c>); <paramref name="path"/> names it and
    /// anchors <c>#load</c> paths.</summary>
    public static PolicySource FromText(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var full = System.IO.Path.GetFullPath(path);
        return new PolicySource(full, Sources.DisplayPath.Of(full, null), text, PolicyOrigin.File, FileSystemPolicyFiles.Instance);
    }

    /// <inheritdoc/>
    public override string ToString() => DisplayPath;
}

namespace IptablesPolicy.Engine.Sources;

/// <summary>The files a policy can <c>#load</c>: the disk for policies on disk, the tool's resources for the built-in pack.</summary>
internal interface IPolicyFiles
{
    /// <summary>Resolves <paramref name="path"/> as written in <c>#load</c> against the file that loads it.</summary>
    string Resolve(string path, string baseFilePath);

    /// <summary>The file's text; null when there is no such file.</summary>
    string? ReadText(string resolvedPath);
}

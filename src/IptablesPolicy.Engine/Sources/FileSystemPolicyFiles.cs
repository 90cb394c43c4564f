namespace IptablesPolicy.Engine.Sources;

/// <summary>Policy files on disk: <c>#load</c> paths are relative to the loading file's folder.</summary>
internal sealed class FileSystemPolicyFiles : IPolicyFiles
{
    public static readonly FileSystemPolicyFiles Instance = new();

    public string Resolve(string path, string baseFilePath) =>
        Path.GetFullPath(path, Path.GetDirectoryName(baseFilePath) ?? Directory.GetCurrentDirectory());

    public string? ReadText(string resolvedPath)
    {
        try
        {
            return File.Exists(resolvedPath) ? File.ReadAllText(resolvedPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

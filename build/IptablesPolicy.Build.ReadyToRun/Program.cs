using IptablesPolicy.Build.ReadyToRun;

// Usage: IptablesPolicy.Build.ReadyToRun PUBLISH_DIR MAIN_ASSEMBLY RID CROSSGEN2 FRAMEWORK_DIR
// Exit 0 when the layout was written, 1 with a message on standard error when it could not be.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: IptablesPolicy.Build.ReadyToRun PUBLISH_DIR MAIN_ASSEMBLY RID CROSSGEN2 FRAMEWORK_DIR");
    return 1;
}
try
{
    var layout = new ReadyToRunLayout(args[0], args[1], args[2], args[3], args[4]);
    var deps = new DepsFilePatcher(layout.DepsFile);
    var compiled = layout.Compile(deps.RuntimeAssetFiles());
    deps.AddRuntimeTargets(args[2], layout.TargetFrameworkFolder, compiled);
    Console.WriteLine($"ReadyToRun for {args[2]}: {compiled.Count} libraries under {layout.RuntimeFolder}");
    return 0;
}
catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

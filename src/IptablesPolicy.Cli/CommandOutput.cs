namespace IptablesPolicy.Cli;

/// <summary>Where a command writes: text through <see cref="Text"/>, or bytes straight to <see cref="Stream"/>.</summary>
/// <param name="Text">The text writer over the stream; flush it before writing bytes.</param>
/// <param name="Stream">The underlying standard output.</param>
internal sealed record CommandOutput(TextWriter Text, Stream Stream);

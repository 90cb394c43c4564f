namespace IptablesPolicy.Core.Parsing;

/// <summary>One line of input with its 1-based number in the file.</summary>
internal readonly record struct SourceLine(int Number, string Text);

using IptablesPolicy.Core.Extensions;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// A match or target of the rule being read while its options are collected, before its definition puts
/// them in canonical form. <see cref="RuleArgumentParser"/> reuses instances across rules.
/// </summary>
internal sealed class PendingExtension
{
    public string Name { get; private set; } = string.Empty;

    public ExtensionDefinition? Definition { get; private set; }

    public Token At { get; private set; }

    public int Order { get; private set; }

    public List<GivenOption> Options { get; } = new(4);

    public void Reset(string name, ExtensionDefinition? definition, Token at, int order)
    {
        Name = name;
        Definition = definition;
        At = at;
        Order = order;
        Options.Clear();
    }

    public IReadOnlyList<ExtensionOption> RawOptions()
    {
        var raw = new ExtensionOption[Options.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            var given = Options[i];
            raw[i] = new ExtensionOption(given.Name, given.Values, given.IsNegated, given.WasQuoted ? ValueQuoting.Always : ValueQuoting.None);
        }
        return raw;
    }
}

using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions;

/// <summary>
/// The declaration of one option of an extension: its canonical name, the other names iptables accepts,
/// how many arguments it takes, and how its value is put in the form iptables-save prints.
/// </summary>
internal sealed class OptionSpec
{
    public OptionSpec(string name, params string[] aliases)
    {
        Name = name;
        Aliases = aliases;
    }

    /// <summary>The canonical name with dashes, as iptables-save prints it (<c>--dport</c>).</summary>
    public string Name { get; }

    /// <summary>Other names iptables accepts for the option (<c>--destination-port</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The number of arguments the option needs (0 for a flag).</summary>
    public int MinValues { get; init; } = 1;

    /// <summary>The number of arguments the option may take.</summary>
    public int MaxValues { get; init; } = 1;

    /// <summary>False when iptables rejects <c>!</c> before the option.</summary>
    public bool CanNegate { get; init; }

    /// <summary>True when iptables-save quotes the value when it needs it (<c>xtables_save_string</c>).</summary>
    public bool IsQuoted { get; init; }

    /// <summary>True when iptables-save always puts the value in double quotes (<c>printf("\"%s\"")</c>).</summary>
    public bool AlwaysQuoted { get; init; }

    /// <summary>The quoting the option's values get.</summary>
    public ValueQuoting Quoting => AlwaysQuoted ? ValueQuoting.Always : IsQuoted ? ValueQuoting.WhenNeeded : ValueQuoting.None;

    /// <summary>True when the option may be given more than once; each occurrence is kept.</summary>
    public bool AllowRepeat { get; init; }

    /// <summary>
    /// Puts the arguments in canonical form, or reports a problem with
    /// <see cref="ExtensionContext.Fail"/> and returns null. Null means the arguments are kept as given.
    /// </summary>
    public Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?>? Normalize { get; init; }

    /// <summary>Creates a flag (an option with no argument).</summary>
    public static OptionSpec Flag(string name, params string[] aliases) => new(name, aliases) { MinValues = 0, MaxValues = 0 };

    /// <summary>True when <paramref name="typed"/> is this option's name or one of its aliases.</summary>
    public bool IsNamed(string typed) => typed == Name || Aliases.Contains(typed);
}

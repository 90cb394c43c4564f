namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>The DiffServ class names iptables knows (dscp_helper.c) and their code points.</summary>
internal static class DscpClasses
{
    private static readonly (string Name, int Value)[] Classes =
    [
        ("CS0", 0x00), ("CS1", 0x08), ("CS2", 0x10), ("CS3", 0x18), ("CS4", 0x20), ("CS5", 0x28), ("CS6", 0x30), ("CS7", 0x38),
        ("BE", 0x00), ("AF11", 0x0a), ("AF12", 0x0c), ("AF13", 0x0e), ("AF21", 0x12), ("AF22", 0x14), ("AF23", 0x16),
        ("AF31", 0x1a), ("AF32", 0x1c), ("AF33", 0x1e), ("AF41", 0x22), ("AF42", 0x24), ("AF43", 0x26), ("EF", 0x2e),
    ];

    /// <summary>The code point of a class; like iptables, a name only has to start with the class name, in any case.</summary>
    public static int? Parse(string text, ExtensionContext context)
    {
        foreach (var (name, value) in Classes)
        {
            if (text.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        context.Fail($"unknown DSCP class '{text}': expected one of {string.Join(", ", Classes.Select(c => c.Name))}");
        return null;
    }
}

namespace IptablesPolicy.Testing.Fixtures;

/// <summary>What a fixture line says about the line below it.</summary>
public enum ExpectationKind
{
    /// <summary><c># expect: ID</c>: the next line must get this finding.</summary>
    Expect,

    /// <summary><c># ok: ID</c>: the next line must not get this finding.</summary>
    Ok,
}

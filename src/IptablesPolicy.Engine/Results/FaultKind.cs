namespace IptablesPolicy.Engine.Results;

/// <summary>What went wrong with a policy. Each kind has a stable id (<see cref="PolicyFault.Id"/>).</summary>
public enum FaultKind
{
    /// <summary>The script does not compile (<c>IPP0001</c>, with the compiler's own id in the message).</summary>
    CompileError,

    /// <summary>The script calls an API policies may not use: file system, processes, network, console, reflection (<c>IPP0002</c>).</summary>
    RestrictedApi,

    /// <summary>A descriptor is not made of constants, has a bad id, or is declared twice with different values (<c>IPP0003</c>).</summary>
    InvalidDescriptor,

    /// <summary>Two policies declare the same id (<c>IPP0004</c>).</summary>
    DuplicateId,

    /// <summary>The policy threw an exception while running (<c>IPP0005</c>).</summary>
    Exception,

    /// <summary>The policy ran longer than the timeout and was stopped (<c>IPP0006</c>).</summary>
    Timeout,

    /// <summary>A policy could not be found or read (<c>IPP0007</c>).</summary>
    Unreadable,
}

namespace IptablesPolicy.Core.Model;

/// <summary>What a rule's <c>-f</c> flag says about IPv4 fragments.</summary>
public enum FragmentFilter
{
    /// <summary>No <c>-f</c>: fragments do not matter to the rule.</summary>
    Any,

    /// <summary><c>-f</c>: only second and further fragments match.</summary>
    NonFirstFragmentsOnly,

    /// <summary><c>! -f</c>: only unfragmented packets and first fragments match.</summary>
    ExceptNonFirstFragments,
}

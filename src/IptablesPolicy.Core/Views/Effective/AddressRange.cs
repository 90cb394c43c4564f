using System.Net;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>An inclusive range of addresses of one family, as <c>-m iprange</c> writes it; a single address has <see cref="First"/> equal to <see cref="Last"/>.</summary>
/// <param name="First">The first address of the range.</param>
/// <param name="Last">The last address of the range.</param>
public readonly record struct AddressRange(IPAddress First, IPAddress Last)
{
    /// <summary>Renders the range as <c>10.0.0.1-10.0.0.9</c>, or the address alone when it holds one.</summary>
    public override string ToString() => First.Equals(Last) ? First.ToString() : $"{First}-{Last}";
}

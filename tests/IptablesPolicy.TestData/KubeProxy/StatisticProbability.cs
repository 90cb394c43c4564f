using System.Globalization;

namespace IptablesPolicy.TestData.KubeProxy;

/// <summary>
/// The probability text iptables-save prints for <c>-m statistic --mode random</c>. kube-proxy passes
/// <c>%0.10f</c>; the kernel keeps <c>lround(2^31 · p)</c> as an integer and iptables prints it back as
/// <c>%.11f</c> of that integer over 2^31 (libxt_statistic), so 1/3 comes back as <c>0.33333333349</c>.
/// </summary>
public static class StatisticProbability
{
    /// <summary>The canonical save text for a probability kube-proxy computed as <paramref name="probability"/>.</summary>
    public static string Canonical(double probability)
    {
        var asGiven = double.Parse(probability.ToString("F10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var stored = Math.Round(0x80000000L * asGiven, MidpointRounding.AwayFromZero);
        return (stored / 0x80000000L).ToString("F11", CultureInfo.InvariantCulture);
    }
}

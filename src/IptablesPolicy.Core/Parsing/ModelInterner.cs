using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Hands out one instance for the matches and targets a parse makes again. They are immutable, and large
/// rulesets repeat them: kube-proxy writes a service's comment on each of its rules and the same statistic
/// match on thousands. Sharing them roughly halves a 100k-rule model. The tables are bounded
/// (<see cref="RecentInstances{T}"/>): a repeat far from its first use may stay a separate, equal instance.
/// Lists of matches are not shared: a table of them grew on the large-object heap, bringing a full collection
/// closer each time, to save about 2 MB of a 10k-service model (64.6 MB with these tables, 62.4 MB with
/// unbounded ones and the list table).
/// </summary>
internal sealed class ModelInterner
{
    private readonly RecentInstances<Match> matches = new(ExtensionComparer.Instance);
    private readonly RecentInstances<Target> targets = new(ExtensionComparer.Instance);

    public Match Intern(Match match) => matches.Intern(match);

    public Target Intern(Target target) => targets.Intern(target);

    /// <summary>Structural equality of matches and targets: type, kind, name, known, and every option.</summary>
    private sealed class ExtensionComparer : IEqualityComparer<Match>, IEqualityComparer<Target>
    {
        public static readonly ExtensionComparer Instance = new();

        public bool Equals(Match? x, Match? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.GetType() == y.GetType()
                && x.IsKnown == y.IsKnown && x.Name == y.Name && SameOptions(x.Options, y.Options));

        public bool Equals(Target? x, Target? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.GetType() == y.GetType()
                && x.Kind == y.Kind && x.IsKnown == y.IsKnown && x.Name == y.Name && SameOptions(x.Options, y.Options));

        public int GetHashCode(Match obj) => Hash(obj.Name, obj.Options);

        public int GetHashCode(Target obj) => Hash(obj.Name, obj.Options);

        private static int Hash(string name, IReadOnlyList<ExtensionOption> options)
        {
            var hash = new HashCode();
            hash.Add(name);
            for (var i = 0; i < options.Count; i++)
            {
                var option = options[i];
                hash.Add(option.Name);
                hash.Add(option.IsNegated);
                for (var v = 0; v < option.Values.Count; v++)
                    hash.Add(option.Values[v]);
            }
            return hash.ToHashCode();
        }

        private static bool SameOptions(IReadOnlyList<ExtensionOption> a, IReadOnlyList<ExtensionOption> b)
        {
            // Options and values are arrays in practice; indexing them as arrays avoids an interface call
            // per element on a path that runs for every match of every rule.
            if (a is ExtensionOption[] left && b is ExtensionOption[] right)
            {
                if (left.Length != right.Length)
                    return false;
                for (var i = 0; i < left.Length; i++)
                {
                    if (!SameOption(left[i], right[i]))
                        return false;
                }
                return true;
            }
            if (a.Count != b.Count)
                return false;
            for (var i = 0; i < a.Count; i++)
            {
                if (!SameOption(a[i], b[i]))
                    return false;
            }
            return true;
        }

        private static bool SameOption(ExtensionOption x, ExtensionOption y)
        {
            if (ReferenceEquals(x, y))
                return true;
            if (x.Name != y.Name || x.IsNegated != y.IsNegated || x.Quoting != y.Quoting)
                return false;
            if (x.Values is string[] left && y.Values is string[] right)
                return left.AsSpan().SequenceEqual(right);
            if (x.Values.Count != y.Values.Count)
                return false;
            for (var v = 0; v < x.Values.Count; v++)
            {
                if (!string.Equals(x.Values[v], y.Values[v], StringComparison.Ordinal))
                    return false;
            }
            return true;
        }
    }
}

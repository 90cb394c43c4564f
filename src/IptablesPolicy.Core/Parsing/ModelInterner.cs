using System.Runtime.CompilerServices;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Hands out one instance per distinct match, target and list of matches a parse makes. Matches and
/// targets are immutable, and large rulesets repeat them: kube-proxy writes a service's comment on each of
/// its rules and the same statistic match on thousands. Sharing them roughly halves a 100k-rule model.
/// </summary>
internal sealed class ModelInterner
{
    // Bounds the tables on inputs where nothing repeats, so interning never costs more than it saves.
    private const int MaxEntries = 1 << 18;

    private readonly Dictionary<Match, Match> matches = new(ExtensionComparer.Instance);
    private readonly Dictionary<Target, Target> targets = new(ExtensionComparer.Instance);
    private readonly Dictionary<Match[], Match[]> lists = new(MatchListComparer.Instance);

    public Match Intern(Match match) => Intern(matches, match);

    public Target Intern(Target target) => Intern(targets, target);

    /// <summary>The shared list with the same (already interned) matches in the same order.</summary>
    public Match[] Intern(Match[] list) => list.Length == 0 ? list : Intern(lists, list);

    private static T Intern<T>(Dictionary<T, T> table, T item)
        where T : notnull
    {
        if (table.TryGetValue(item, out var shared))
            return shared;
        if (table.Count < MaxEntries)
            table.Add(item, item);
        return item;
    }

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

    /// <summary>Lists of interned matches are equal when they hold the same instances in the same order.</summary>
    private sealed class MatchListComparer : IEqualityComparer<Match[]>
    {
        public static readonly MatchListComparer Instance = new();

        public bool Equals(Match[]? x, Match[]? y)
        {
            if (ReferenceEquals(x, y))
                return true;
            if (x is null || y is null || x.Length != y.Length)
                return false;
            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                    return false;
            }
            return true;
        }

        public int GetHashCode(Match[] obj)
        {
            var hash = new HashCode();
            foreach (var match in obj)
                hash.Add(RuntimeHelpers.GetHashCode(match));
            return hash.ToHashCode();
        }
    }
}

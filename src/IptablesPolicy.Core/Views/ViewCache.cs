using System.Runtime.CompilerServices;

namespace IptablesPolicy.Core.Views;

/// <summary>
/// A view of each model object (a table's chain graph, its effective matches), built on first use and dropped with
/// the object. Built once even when several policies ask for it at the same moment: a bare
/// <see cref="ConditionalWeakTable{TKey, TValue}.GetValue"/> runs its factory outside its lock, so two policies that
/// start together would both build a 100k-rule table's graph and keep one.
/// </summary>
internal sealed class ViewCache<TKey, TValue>(Func<TKey, TValue> build)
    where TKey : class
    where TValue : class
{
    private readonly ConditionalWeakTable<TKey, Lazy<TValue>> built = [];

    /// <summary>The view of <paramref name="key"/>; the first caller builds it, the others wait for it.</summary>
    public TValue For(TKey key) =>
        built.TryGetValue(key, out var ready)
            ? ready.Value
            : built.GetValue(key, k => new Lazy<TValue>(() => build(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

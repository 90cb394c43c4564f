using IptablesPolicy.Core.Views;

namespace IptablesPolicy.Core.Tests.Views;

public class ViewCacheTests
{
    [Test]
    public void Builds_a_view_once_when_several_threads_ask_at_the_same_moment()
    {
        var builds = 0;
        var cache = new ViewCache<object, string>(_ =>
        {
            Interlocked.Increment(ref builds);
            // Long enough that every thread asks while the first is still building.
            Thread.Sleep(200);
            return "view";
        });
        var key = new object();
        using var start = new Barrier(4);

        var views = Enumerable.Range(0, 4)
            .Select(_ => Task.Factory.StartNew(() => { start.SignalAndWait(); return cache.For(key); }, TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(views);

        builds.ShouldBe(1);
        views.Select(v => v.Result).ShouldAllBe(v => ReferenceEquals(v, views[0].Result));
    }

    [Test]
    public void Builds_one_view_per_key()
    {
        var cache = new ViewCache<object, object>(_ => new object());
        var first = new object();
        var second = new object();

        cache.For(first).ShouldBeSameAs(cache.For(first));
        cache.For(first).ShouldNotBeSameAs(cache.For(second));
    }
}

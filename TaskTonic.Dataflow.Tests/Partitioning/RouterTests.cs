using TaskTonic.Dataflow.Partitioning;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Partitioning;

public sealed partial class RouterTests
{
    internal sealed partial class Worker : Tonic
    {
        public Worker(int index, TonicOptions options)
            : base(options)
        {
            Index = index;
        }

        public int Index { get; }

        public bool Silent { get; set; }

        public ReplyTo<int>? Held { get; private set; }

        public List<string> Seen { get; } = [];

        private void ttsc__handle(string item) => Seen.Add(item);

        private void ttsc__ask(int question, ReplyTo<int> reply)
        {
            if (!Silent)
            {
                reply.Send((question * 10) + Index);
            }
            else
            {
                Held = reply;
            }
        }
    }

    private sealed partial class Asker : Tonic
    {
        public Router<Worker>? Router { get; private set; }

        public CatalystPool? Pool { get; private set; }

        public ScatterGatherResult<int>? Result { get; private set; }

        public int Results { get; private set; }

        private void ttse__on_start()
        {
            Pool = new CatalystPool(new CatalystPoolOptions { Name = "workers", Size = 3 });
            Router = new Router<Worker>(Pool, (i, options) => new Worker(i, options));
        }

        private void ttsc__ask(int question, int timeoutSeconds) =>
            Router!.ScatterGather<int>((worker, reply) => worker.Ask(question, reply), TimeSpan.FromSeconds(timeoutSeconds), r =>
            {
                Result = r;
                Results++;
            });
    }

    private static (Distiller Distiller, Asker Asker) Start()
    {
        var distiller = new Distiller();
        var asker = distiller.Spawn(() => new Asker());
        distiller.RunUntilIdle();
        return (distiller, asker);
    }

    [Fact]
    public void RT01_round_robin_cycles_and_least_queued_avoids_the_busy_catalyst()
    {
        var (distiller, asker) = Start();
        var router = asker.Router!;
        Assert.Equal([0, 1, 2, 0, 1, 2], Enumerable.Range(0, 6).Select(_ => router.Next().Index));
        for (var i = 0; i < 5; i++)
        {
            router.Routees[0].Handle("busy");
            router.Routees[1].Handle("busy");
        }

        router.Routees[2].Handle("one");
        Assert.Equal(2, router.LeastQueued().Index);
        router.Routees[2].Handle("two");
        router.Routees[2].Handle("three");
        router.Routees[2].Handle("four");
        router.Routees[2].Handle("five");
        router.Routees[2].Handle("six");
        Assert.Equal(0, router.LeastQueued().Index);
        distiller.RunUntilIdle();
        Assert.Equal(0, router.LeastQueued().Index);
        Assert.Equal(6, router.Routees[2].Seen.Count);
    }

    [Fact]
    public void RT02_consistent_hash_sends_a_key_to_one_routee_and_broadcast_to_all()
    {
        var (distiller, asker) = Start();
        var router = asker.Router!;
        var keys = Enumerable.Range(0, 300).Select(i => $"sym{i}").ToList();
        foreach (var key in keys)
        {
            router.ForKey(key).Handle(key);
        }

        router.Broadcast(w => w.Handle("all"));
        distiller.RunUntilIdle();
        Assert.All(keys, k => Assert.Same(router.ForKey(k), router.Routees.Single(w => w.Seen.Contains(k))));
        Assert.All(router.Routees, w => Assert.InRange(w.Seen.Count, 60, 160));
        Assert.All(router.Routees, w => Assert.Equal("all", w.Seen[^1]));
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => router.ForKey<string>(null!)).ParamName);
    }

    [Fact]
    public void RT03_scatter_gather_returns_every_reply_before_the_timeout()
    {
        var (distiller, asker) = Start();
        var start = distiller.Clock.GetUtcNow();
        asker.Ask(4, 5);
        distiller.RunUntil(() => asker.Result is not null);
        Assert.Equal([40, 41, 42], asker.Result!.Replies.Order());
        Assert.False(asker.Result.TimedOut);
        Assert.True(distiller.Clock.GetUtcNow() - start < TimeSpan.FromSeconds(5));
        distiller.RunUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Equal(1, asker.Results);
    }

    [Fact]
    public void RT04_scatter_gather_times_out_on_virtual_time_with_the_replies_collected_and_counts_late_ones()
    {
        var (distiller, asker) = Start();
        var router = asker.Router!;
        router.Routees[1].Silent = true;
        var start = distiller.Clock.GetUtcNow();
        asker.Ask(7, 5);
        distiller.RunUntil(() => asker.Result is not null);
        Assert.True(asker.Result!.TimedOut);
        Assert.Equal(3, asker.Result.Expected);
        Assert.Equal([70, 72], asker.Result.Replies.Order());
        Assert.Equal(TimeSpan.FromSeconds(5), distiller.Clock.GetUtcNow() - start);
        Assert.Equal(0, router.LateReplies);
        router.Routees[1].Held!.Send(71);
        Assert.Equal(1, router.LateReplies);
        Assert.Throws<InvalidOperationException>(() => router.Routees[1].Held!.Send(71));
        distiller.RunUntilIdle(TimeSpan.FromSeconds(1));
        Assert.Equal(1, asker.Results);
    }

    [Fact]
    public void RT05_scatter_gather_outside_a_sparkle_is_refused()
    {
        var (_, asker) = Start();
        Assert.Throws<InvalidOperationException>(() =>
            asker.Router!.ScatterGather<int>((w, r) => w.Ask(1, r), TimeSpan.FromSeconds(1), _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            asker.Router!.ScatterGather<int>((w, r) => w.Ask(1, r), TimeSpan.Zero, _ => { }));
    }

    [Fact]
    public void RT06_routees_follow_the_pool_when_it_shrinks_and_grows_and_lose_nothing()
    {
        var (distiller, asker) = Start();
        var router = asker.Router!;
        var pool = asker.Pool!;
        var removed = router.Routees[2].Catalyst;
        router.Routees[2].Handle("before");
        pool.Resize(1);
        foreach (var routee in router.Routees)
        {
            routee.Handle("after");
        }

        distiller.RunUntilIdle();
        Assert.True(removed.IsCompleted);
        Assert.All(router.Routees, r => Assert.Same(pool.Catalysts[0], r.Catalyst));
        Assert.Equal(["before", "after"], router.Routees[2].Seen);
        Assert.Equal(["after"], router.Routees[0].Seen);
        Assert.Equal(0, distiller.Ledger.DeadLetters.Count);

        pool.Resize(3);
        distiller.RunUntilIdle();
        Assert.Equal(pool.Catalysts, router.Routees.Select(r => r.Catalyst));
        Assert.Equal(0, distiller.Ledger.DeadLetters.Count);
    }
}

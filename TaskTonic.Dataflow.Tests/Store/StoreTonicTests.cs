using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.Core;
using StoreT = TaskTonic.Dataflow.Store;

namespace TaskTonic.Dataflow.Tests.Store;

/// <summary>Delivery as sparkles (issue 16 item 3) and ST-51: a tonic's subscriptions arrive on its catalyst and die with it.</summary>
public sealed partial class StoreTonicTests
{
    [ThreadStatic]
    private static bool t_writing;

    private sealed partial class Watcher : Tonic
    {
        private readonly StoreT _store;
        private readonly string _path;
        private readonly int _expected;

        public Watcher(StoreT store, string path = "cfg", int expected = int.MaxValue, TaskCompletionSource? subscribed = null)
        {
            Subscribed = subscribed ?? new(TaskCreationOptions.RunContinuationsAsynchronously);
            _store = store;
            _path = path;
            _expected = expected;
        }

        public List<StoreChanges> Got { get; } = [];

        public List<int> Threads { get; } = [];

        public List<bool> RanOnOwnCatalyst { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StoreSubscription? Subscription { get; private set; }

        public TaskCompletionSource Subscribed { get; }

        private void ttse__on_start()
        {
            Subscription = _store.Subscribe(_path, NotifyConfigChanged, new() { Recursive = true });
            Subscribed.TrySetResult();
        }

        private void ttse__on_config_changed(StoreChanges changes)
        {
            Got.Add(changes);
            Threads.Add(Environment.CurrentManagedThreadId);
            RanOnOwnCatalyst.Add(ReferenceEquals(Internal.Ambient.Running, Catalyst) && !t_writing);
            if (Got.Sum(c => c.Count) >= _expected)
            {
                Done.TrySetResult();
            }
        }

        private void ttsc__quit() => Finish();

        public void NotAnEntryPoint(StoreChanges changes) => Got.Add(changes);
    }

    [Fact]
    public void Delivery_IsASparkleOnTheSubscriber_BatchedPerFlush_InOrder()
    {
        var store = new StoreT();
        var distiller = new Distiller();
        var watcher = distiller.Spawn(() => new Watcher(store));
        distiller.RunUntilIdle();
        Assert.NotNull(watcher.Subscription);

        store.Set("cfg/a", 1);
        using (store.Group("ui"))
        {
            store.Set("cfg/b", 2);
            store.Set("cfg/a", 3);
        }

        Assert.Empty(watcher.Got); // nothing ran on the writer's thread: the changes wait as work orders
        distiller.RunUntilIdle();
        Assert.Equal(2, watcher.Got.Count);
        Assert.Equal([("cfg/a", 1)], watcher.Got[0].Select(c => (c.Path, (int)c.NewValue!)).ToArray());
        Assert.Equal([("cfg/b", 2), ("cfg/a", 3)], watcher.Got[1].Select(c => (c.Path, (int)c.NewValue!)).ToArray());
        Assert.Equal(2, distiller.Trace.Count(t => t.Sparkle == "ttse__on_config_changed"));
    }

    [Fact]
    public void ST51_SubscriptionsDieWithTheirTonic()
    {
        var store = new StoreT();
        var distiller = new Distiller();
        var watcher = distiller.Spawn(() => new Watcher(store));
        distiller.RunUntilIdle();
        Assert.Equal(1, store.SubscriptionCount);
        watcher.Quit();
        distiller.RunUntilIdle();
        Assert.True(watcher.IsCompleted);
        Assert.Equal(0, store.SubscriptionCount);
        Assert.False(watcher.Subscription!.IsActive);
        store.Set("cfg/x", 1);
        distiller.RunUntilIdle();
        Assert.Empty(watcher.Got);
        Assert.Equal(0, distiller.Ledger.DeadLetters.Count);
    }

    [Fact]
    public void ST51_SubscriptionsAreRemovedInTheFinishSparkle_BeforeCompletion()
    {
        var store = new StoreT();
        var distiller = new Distiller();
        var watcher = distiller.Spawn(() => new Watcher(store));
        distiller.RunUntilIdle();
        store.Set("cfg/x", 1); // queued before the finish: delivered
        watcher.Quit();
        distiller.RunUntil(() => watcher.IsFinishing);
        Assert.False(watcher.Subscription!.IsActive);
        store.Set("cfg/x", 2); // after the finish began: not queued, so nothing is dropped
        distiller.RunUntilIdle();
        Assert.Equal(1, (int)Assert.Single(Assert.Single(watcher.Got)).NewValue!);
        Assert.Equal(0, distiller.Ledger.DeadLetters.Count);
    }

    private sealed partial class Initial : Tonic
    {
        public List<StoreChange> Got { get; } = [];

        public TaskTonic.Dataflow.Store? Seen { get; private set; }

        private void ttse__on_start()
        {
            Seen = Ledger.Store;
            Seen.Subscribe("formula/project_name", NotifyName, new() { TriggerNow = true });
        }

        private void ttse__on_name(StoreChanges changes) => Got.AddRange(changes);
    }

    [Fact]
    public void ST51_TwoTonicsShareTheLedgersStore_AndTriggerNowArrivesAsASparkle()
    {
        var distiller = new Distiller();
        var a = distiller.Spawn(() => new Initial());
        var b = distiller.Spawn(() => new Initial());
        distiller.RunUntilIdle();
        Assert.Same(a.Seen, b.Seen);
        Assert.Same(distiller.Ledger.Store, a.Seen);
        Assert.Equal(new StoreChange("formula/project_name", "tasktonic app", null, "init"), Assert.Single(a.Got));
        Assert.Equal(2, distiller.Trace.Count(t => t.Sparkle == "ttse__on_name"));
    }

    [Fact]
    public void Subscribe_RequiresAGeneratedEntryPoint()
    {
        var store = new StoreT();
        var distiller = new Distiller();
        var watcher = distiller.Spawn(() => new Watcher(store));
        var e = Assert.Throws<ArgumentException>(() => store.Subscribe("x", watcher.NotAnEntryPoint));
        Assert.Equal("entryPoint", e.ParamName);
        Assert.Throws<ArgumentException>(() => store.Subscribe("x", _ => { }));
        Assert.Throws<ArgumentException>(() => store.SubscribeCallback("x", watcher.NotAnEntryPoint));
    }

    [Fact]
    public async Task Delivery_RunsOnTheSubscribersCatalystThread_NotTheWriters()
    {
        var store = new StoreT();
        var formula = new Formula();
        Watcher? watcher = null;
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        formula.AddStartingTonic(() => watcher = new Watcher(store, "cfg", expected: 100, subscribed));
        var run = formula.RunAsync();
        await subscribed.Task.Within();
        for (var i = 0; i < 100; i++)
        {
            t_writing = true;
            store.Set($"cfg/v{i % 7}", i);
            t_writing = false;
        }

        await watcher!.Done.Task.Within();
        Assert.All(watcher.RanOnOwnCatalyst, Assert.True);
        Assert.Equal(Enumerable.Range(0, 100), watcher.Got.SelectMany(c => c).Select(c => (int)c.NewValue!));
        watcher.Quit();
        await run.Within();
    }
}

using System.Collections.Concurrent;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.EventBinding;

namespace TaskTonic.Dataflow.Tests.Catalysts;

public sealed partial class MultiCatalystTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    private sealed partial class Counter : Tonic
    {
        public Counter(Catalyst? catalyst = null)
            : base(new TonicOptions { Catalyst = catalyst })
        {
        }

        public List<int> Seen { get; } = [];

        public ConcurrentDictionary<string, int> Catalysts { get; } = new();

        public ConcurrentDictionary<int, int> Threads { get; } = new();

        private void ttsc__count(int n)
        {
            Seen.Add(n);
            Catalysts.AddOrUpdate(Catalyst.Name, 1, (_, c) => c + 1);
            Threads.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, c) => c + 1);
        }
    }

    private sealed partial class Starter : Tonic
    {
        public Catalyst? Worker { get; private set; }

        public Counter? Child { get; private set; }

        public int WorkerThread { get; private set; }

        private void ttse__on_start()
        {
            Worker = new Catalyst(new CatalystOptions { Name = "worker", Threading = CatalystThreading.DedicatedThread });
            Child = new Counter(Worker);
        }

        private void ttsc__go()
        {
            for (var i = 0; i < 100; i++)
            {
                Child!.Count(i);
            }

            Finish();
        }
    }

    [Fact]
    public async Task C04_a_dedicated_thread_catalyst_runs_its_tonics_on_its_own_thread_and_completes_with_them()
    {
        var formula = new Formula();
        Starter? starter = null;
        formula.AddStartingTonic(() => starter = new Starter());
        var run = formula.RunAsync();
        await WaitUntil(() => starter!.Child?.HasStarted == true);
        starter!.Go();
        await run.WaitAsync(s_safety);
        var child = starter.Child!;
        Assert.Equal(Enumerable.Range(0, 100), child.Seen);
        Assert.Same(starter.Worker, child.Catalyst);
        Assert.Same(starter, starter.Worker!.Parent);
        Assert.Single(child.Threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, child.Threads.Keys.Single());
        Assert.True(starter.Worker.IsCompleted);
        Assert.True(child.IsCompleted);
    }

    [Fact]
    public async Task Moving_a_tonic_keeps_every_pending_work_order_in_order()
    {
        var formula = new Formula();
        Counter? counter = null;
        Catalyst? other = null;
        formula.AddStartingTonic(() =>
        {
            other = new Catalyst(new CatalystOptions { Name = "other" });
            counter = new Counter();
            return counter;
        });
        var run = formula.RunAsync();
        const int total = 20_000;
        for (var i = 0; i < total; i++)
        {
            counter!.Count(i);
            if (i == total / 2)
            {
                counter.MoveTo(other!);
            }
        }

        counter!.Finish();
        await counter.Completion.WaitAsync(s_safety);
        Assert.Equal(Enumerable.Range(0, total), counter.Seen);
        Assert.True(counter.Catalysts.ContainsKey("other"));
        Assert.Same(other, counter.Catalyst);
        formula.Ledger.Shutdown();
        await run.WaitAsync(s_safety);
    }

    [Fact]
    public void Moving_under_the_distiller_hands_on_queued_work_in_order()
    {
        var distiller = new Distiller();
        Counter? counter = null;
        Catalyst? other = null;
        distiller.Formula.AddStartingTonic(() =>
        {
            other = new Catalyst(new CatalystOptions { Name = "other" });
            return counter = new Counter();
        });
        distiller.Start();
        counter!.Count(1);
        counter.MoveTo(other!);
        counter.Count(2);
        counter.Count(3);
        distiller.RunUntilIdle();
        Assert.Equal([1, 2, 3], counter.Seen);
        Assert.Equal(1, counter.Catalysts["tt_main_catalyst"]);
        Assert.Equal(2, counter.Catalysts["other"]);
    }

    [Fact]
    public async Task A_synchronization_context_catalyst_runs_on_that_context()
    {
        using var ui = new SingleThreadContext();
        var formula = new Formula();
        Counter? counter = null;
        formula.AddStartingTonic(() =>
        {
            var uiCatalyst = new Catalyst(new CatalystOptions { Name = "ui", Threading = CatalystThreading.SynchronizationContext, SynchronizationContext = ui });
            return counter = new Counter(uiCatalyst);
        });
        var run = formula.RunAsync();
        for (var i = 0; i < 50; i++)
        {
            counter!.Count(i);
        }

        counter!.Finish();
        await run.WaitAsync(s_safety);
        Assert.Equal(Enumerable.Range(0, 50), counter.Seen);
        Assert.Equal(ui.Thread.ManagedThreadId, counter.Threads.Keys.Single());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Yield();
        }
    }
}

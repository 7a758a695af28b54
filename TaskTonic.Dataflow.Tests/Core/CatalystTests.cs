using System.Collections.Concurrent;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.6 (catalyst) and §4.1 items 1 and 2.</summary>
public sealed partial class CatalystTests
{
    /// <summary>Finishes itself after counting down a chain of self-posted sparkles (instead of a real-time timer).</summary>
    private sealed partial class Countdown : Tonic
    {
        public Countdown(int steps, string name, ConcurrentQueue<string>? log = null)
            : base(name)
        {
            Steps = steps;
            Events = log ?? new ConcurrentQueue<string>();
        }

        public int Steps { get; private set; }

        public ConcurrentQueue<string> Events { get; }

        private void ttse__on_start() => Tick();

        private void tts__tick()
        {
            if (--Steps <= 0)
            {
                Finish();
            }
            else
            {
                Tick();
            }
        }

        private void ttse__on_finished() => Events.Enqueue(Name + " finished");
    }

    private sealed partial class Idler : Tonic
    {
        public Idler(string? name = null)
            : base(name)
        {
        }

        public int Finished { get; private set; }

        private void ttsc__quit() => Finish();

        private void ttse__on_finished() => Finished++;
    }

    /// <summary>A worker catalyst with its own sparkles: its on_start creates a tonic bound to it.</summary>
    private sealed partial class Worker : Catalyst
    {
        public Worker(ConcurrentQueue<(string What, int Thread)> seen, TaskScheduler? scheduler)
            : base(new CatalystOptions { Name = "W", TaskScheduler = scheduler })
        {
            Seen = seen;
        }

        public ConcurrentQueue<(string What, int Thread)> Seen { get; }

        public Probe? X { get; private set; }

        public TaskCompletionSource<Probe> XMade { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttse__on_start()
        {
            Seen.Enqueue(("W.on_start", Environment.CurrentManagedThreadId));
            X = new Probe(Seen, "X");
            XMade.SetResult(X);
        }
    }

    private sealed partial class Probe : Tonic
    {
        public Probe(ConcurrentQueue<(string What, int Thread)> seen, string name)
            : base(name)
        {
            Seen = seen;
        }

        public ConcurrentQueue<(string What, int Thread)> Seen { get; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttse__on_start()
        {
            Seen.Enqueue((Name + ".on_start", Environment.CurrentManagedThreadId));
            Started.SetResult();
        }

        private void ttsc__work() => Seen.Enqueue((Name + ".work", Environment.CurrentManagedThreadId));

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Spawner : Tonic
    {
        public Spawner(ConcurrentQueue<(string What, int Thread)> seen, TaskScheduler? scheduler)
        {
            Seen = seen;
            Scheduler = scheduler;
        }

        public ConcurrentQueue<(string What, int Thread)> Seen { get; }

        public TaskScheduler? Scheduler { get; }

        public Worker? W { get; private set; }

        public Catalyst? Plain { get; private set; }

        public TaskCompletionSource<Worker> WorkerMade { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttsc__make_worker()
        {
            Seen.Enqueue(("S.make_worker", Environment.CurrentManagedThreadId));
            W = new Worker(Seen, Scheduler);
            WorkerMade.SetResult(W);
        }

        private void ttsc__make_plain_catalyst() => Plain = new Catalyst(new CatalystOptions { Name = "plain" });

        private void ttsc__finish_worker() => W!.Finish();

        private void ttsc__quit() => Finish();
    }

    private sealed class WorkerFormula : Formula
    {
        public WorkerFormula(FormulaOptions? settings = null)
            : base(settings ?? new FormulaOptions())
        {
        }

        public Catalyst? Worker { get; private set; }

        public Idler? OnWorker { get; private set; }

        public Idler? OnMain { get; private set; }

        public bool PutATonicOnTheWorker { get; init; }

        protected override void CreateStartingTonics()
        {
            Worker = new Catalyst(new CatalystOptions { Name = "worker" });
            OnMain = new Idler("on_main");
            if (PutATonicOnTheWorker)
            {
                OnWorker = Ledger.Spawn(() => new Idler("on_worker"), Worker);
            }
        }
    }

    [Fact]
    public async Task C01_Run_blocks_until_the_main_catalyst_completes()
    {
        var log = new ConcurrentQueue<string>();
        var formula = new Formula();
        Countdown? only = null;
        formula.AddStartingTonic(() => only = new Countdown(50, "only", log));
        Assert.Equal(FormulaStatus.Starting, formula.Status);

        await Task.Run(formula.Run).Within();

        Assert.Equal(FormulaStatus.MainFinished, formula.Status);
        Assert.Equal(["only finished"], log);
        Assert.Equal(0, only!.Steps);
        Assert.True(only.IsCompleted);
        Assert.True(formula.MainCatalyst!.IsCompleted);
        Assert.True(formula.MainCatalyst.Completion.IsCompletedSuccessfully);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void C02_the_catalyst_finishes_when_its_last_tonic_completes()
    {
        var distiller = new Distiller();
        var dut = distiller.Spawn(() => new Idler("dut"));
        var idle = distiller.RunUntilIdle();
        Assert.True(idle.StoppedBecause(StopReasons.Idle));
        Assert.False(distiller.Formula.MainCatalyst!.IsFinishing);

        dut.Quit();
        var result = distiller.RunUntilIdle();

        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.True(distiller.Formula.MainCatalyst.IsCompleted);
        Assert.Equal(0, distiller.Ledger.Count);

        var again = distiller.RunUntilIdle();
        Assert.True(again.StoppedBecause(StopReasons.CatalystFinished));
        Assert.Equal(0, again.WorkOrders);
    }

    [Fact]
    public void C03_independent_starting_tonics_all_finish_before_the_main_catalyst_does()
    {
        var log = new ConcurrentQueue<string>();
        var formula = new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        Countdown? fast = null;
        Countdown? slow = null;
        formula.AddStartingTonic(() => fast = new Countdown(2, "A", log));
        formula.AddStartingTonic(() => slow = new Countdown(10, "B", log));
        var distiller = new Distiller(formula);

        var first = distiller.RunUntil(() => fast!.IsCompleted);
        Assert.True(first.StoppedBecause(StopReasons.Condition));
        Assert.False(slow!.IsFinishing);

        var rest = distiller.RunUntilIdle();

        // Python ends the app as soon as A completes: B's on_finished never runs and B stays registered.
        Assert.Equal(["A finished", "B finished"], log);
        Assert.True(rest.StoppedBecause(StopReasons.CatalystFinished));
        Assert.True(slow.IsCompleted);
        Assert.True(formula.MainCatalyst!.IsCompleted);
        Assert.Equal(0, distiller.Ledger.Count);
    }

    [Fact]
    public async Task C03_a_real_formula_ends_after_the_last_of_its_starting_tonics()
    {
        var log = new ConcurrentQueue<string>();
        var formula = new Formula();
        formula.AddStartingTonic(() => new Countdown(5, "A", log));
        formula.AddStartingTonic(() => new Countdown(500, "B", log));

        await formula.RunAsync().Within();

        Assert.Equal(["A finished", "B finished"], log);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void C04_a_worker_catalyst_runs_the_tonics_created_in_its_sparkles()
    {
        var seen = new ConcurrentQueue<(string What, int Thread)>();
        var distiller = new Distiller();
        var spawner = distiller.Spawn(() => new Spawner(seen, null));
        distiller.RunUntilIdle();

        spawner.MakeWorker();
        distiller.RunUntilIdle();
        var worker = spawner.W!;
        var x = worker.X!;
        x.Work();
        distiller.RunUntilIdle();

        Assert.Same(spawner, worker.Parent);
        Assert.Same(worker, worker.Catalyst);
        Assert.False(worker.IsMain);
        Assert.Same(worker, x.Parent);
        Assert.Same(worker, x.Catalyst);
        Assert.Equal(1, worker.BoundTonicCount);
        Assert.Equal(1, distiller.Formula.MainCatalyst!.BoundTonicCount);
        Assert.All(distiller.Trace.Where(t => t.Tonic == x || t.Tonic == worker), t => Assert.Equal("W", t.CatalystName));
        Assert.Contains(distiller.Trace, t => t.Tonic == x && t.Sparkle == "ttsc__work");

        x.Quit();
        distiller.RunUntilIdle();

        Assert.True(x.IsCompleted);
        Assert.True(worker.IsCompleted);
        Assert.DoesNotContain(worker, spawner.Infusions);
        Assert.False(spawner.IsFinishing);
    }

    [Fact]
    public async Task C04_a_worker_catalyst_and_its_tonics_run_on_the_worker_s_scheduler_thread()
    {
        using var scheduler = new DedicatedThreadScheduler("worker-thread");
        var seen = new ConcurrentQueue<(string What, int Thread)>();
        var formula = new Formula();
        Spawner? spawner = null;
        formula.AddStartingTonic(() => spawner = new Spawner(seen, scheduler));
        var run = formula.RunAsync();

        spawner!.MakeWorker();
        var worker = await spawner.WorkerMade.Task.Within();
        var x = await worker.XMade.Task.Within();
        await x.Started.Task.Within();
        x.Work();
        x.Quit();
        await worker.Completion.Within();
        spawner.Quit();
        await run.Within();

        var onWorker = seen.Where(s => !s.What.StartsWith("S.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["W.on_start", "X.on_start", "X.work"], onWorker.Select(s => s.What));
        Assert.All(onWorker, s => Assert.Equal(scheduler.ThreadId, s.Thread));
        Assert.NotEqual(scheduler.ThreadId, seen.Single(s => s.What == "S.make_worker").Thread);
        Assert.True(x.IsCompleted);
        Assert.Same(spawner, worker.Parent);
    }

    [Fact]
    public void C04_a_worker_without_tonics_keeps_running_until_its_base_finishes()
    {
        var distiller = new Distiller();
        var spawner = distiller.Spawn(() => new Spawner([], null));
        distiller.RunUntilIdle();

        spawner.MakePlainCatalyst();
        distiller.RunUntilIdle();
        var plain = spawner.Plain!;
        Assert.Equal(0, plain.BoundTonicCount);
        Assert.False(plain.IsFinishing);
        Assert.Contains(plain, spawner.Infusions);

        spawner.Quit();
        var result = distiller.RunUntilIdle();

        Assert.True(plain.IsCompleted);
        Assert.True(spawner.IsCompleted);
        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
    }

    [Fact]
    public void C04_finishing_a_worker_catalyst_finishes_the_tonics_created_in_it()
    {
        var distiller = new Distiller();
        var spawner = distiller.Spawn(() => new Spawner([], null));
        distiller.RunUntilIdle();
        spawner.MakeWorker();
        distiller.RunUntilIdle();
        var worker = spawner.W!;
        var x = worker.X!;

        spawner.FinishWorker();
        distiller.RunUntilIdle();

        Assert.True(x.IsCompleted);
        Assert.True(worker.IsCompleted);
        Assert.Equal(0, worker.BoundTonicCount);
        Assert.False(spawner.IsFinishing);
        Assert.Null(distiller.Ledger.Find("X"));
        Assert.Null(distiller.Ledger.Find("W"));
    }

    [Fact]
    public async Task C07_a_worker_catalyst_made_in_the_formula_finishes_when_the_main_catalyst_ends()
    {
        var formula = new WorkerFormula();
        var run = formula.RunAsync();
        var worker = formula.Worker!;
        Assert.Same(formula.MainCatalyst, worker.Parent);
        Assert.False(worker.IsMain);

        formula.OnMain!.Quit();
        await run.Within();

        Assert.True(worker.IsCompleted);
        Assert.True(formula.MainCatalyst!.IsCompleted);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void C07_when_the_main_catalyst_ends_its_worker_infusion_finishes_with_the_tonics_bound_to_it()
    {
        var formula = new WorkerFormula(new FormulaOptions { TimeProvider = new VirtualClock() }) { PutATonicOnTheWorker = true };
        var distiller = new Distiller(formula);
        distiller.RunUntilIdle();
        var main = formula.MainCatalyst!;
        var worker = formula.Worker!;
        var onWorker = formula.OnWorker!;
        Assert.Same(worker, onWorker.Catalyst);
        Assert.Same(worker, onWorker.Parent);

        formula.OnMain!.Quit();
        var afterMain = distiller.RunUntilIdle();

        // Nothing is bound to the main catalyst any more, but its worker infusion still runs a tonic: cascade, not abandon.
        Assert.True(afterMain.StoppedBecause(StopReasons.CatalystFinished));
        Assert.True(main.IsCompleted);
        Assert.True(worker.IsCompleted);
        Assert.Equal(1, onWorker.Finished);
        Assert.Equal(0, distiller.Ledger.Count);
    }

    [Fact]
    public async Task C07_RunAsync_finishes_root_catalysts_outside_the_main_tree()
    {
        var formula = new Formula();
        Idler? app = null;
        formula.AddStartingTonic(() => app = new Idler("app"));
        var run = formula.RunAsync();
        var free = formula.Spawn(() => new Catalyst(new CatalystOptions { Name = "free" }));
        Assert.Null(free.Parent);

        app!.Quit();
        await run.Within();

        Assert.True(formula.MainCatalyst!.IsCompleted);
        Assert.True(free.IsCompleted);
        Assert.Equal(FormulaStatus.MainFinished, formula.Status);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public async Task C07_Ledger_Shutdown_drains_the_whole_tree_and_leaves_no_tonic_registered()
    {
        using var scheduler = new DedicatedThreadScheduler("shutdown-worker");
        var seen = new ConcurrentQueue<(string What, int Thread)>();
        var formula = new Formula();
        Spawner? spawner = null;
        Idler? other = null;
        formula.AddStartingTonic(() => spawner = new Spawner(seen, scheduler));
        formula.AddStartingTonic(() => other = new Idler());
        var run = formula.RunAsync();
        spawner!.MakeWorker();
        var worker = await spawner.WorkerMade.Task.Within();
        var x = await worker.XMade.Task.Within();
        await x.Started.Task.Within();

        formula.Ledger.Shutdown();
        await run.Within();

        Assert.All(new Tonic[] { spawner, other!, worker, x, formula.MainCatalyst! }, t => Assert.True(t.IsCompleted, t.Name));
        Assert.Equal(1, other!.Finished);
        Assert.Empty(formula.Ledger.Snapshot());
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void C02_the_catalyst_counts_bound_tonics_and_queued_work_orders()
    {
        var distiller = new Distiller();
        var first = distiller.Spawn(() => new Idler());
        var second = distiller.Spawn(() => new Idler());
        var main = distiller.Formula.MainCatalyst!;
        Assert.Equal(2, main.BoundTonicCount);
        Assert.Equal(3, main.QueuedWorkOrders);

        distiller.RunUntilIdle();
        Assert.Equal(0, main.QueuedWorkOrders);
        first.Quit();
        second.Quit();
        Assert.Equal(2, main.QueuedWorkOrders);

        // A completing tonic leaves its catalyst's count at once; the catalyst runs its own check only when the count reaches zero.
        distiller.RunUntil(() => first.IsCompleted);
        Assert.Equal(1, main.BoundTonicCount);
        Assert.DoesNotContain(distiller.Trace, t => t.Sparkle == "_ttss__remove_tonic_from_catalyst");
        distiller.RunUntilIdle();
        Assert.Equal(0, main.BoundTonicCount);
        Assert.True(main.IsCompleted);
    }
}

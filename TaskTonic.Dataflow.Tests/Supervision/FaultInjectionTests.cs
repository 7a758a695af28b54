using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Supervision;

/// <summary>
/// Fault injection: a worker processes 100,000 work orders and fails on every 100th. Each directive is checked for
/// exactly-once, in-order processing of the rest, and for the counts in the dead letters.
/// </summary>
public sealed partial class FaultInjectionTests
{
    private const int Orders = 100_000;
    private const int FailEvery = 100;

    private static readonly int[] s_expected = [.. Enumerable.Range(1, Orders).Where(n => n % FailEvery != 0)];

    [Fact]
    public void FI_01_restart_processes_the_99000_others_exactly_once_in_order_and_the_1000_failures_are_dead_letters()
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        var processed = new List<int>(Orders);
        var policy = SupervisionPolicy.Restart(new RestartOptions { MaxRestarts = null });
        var worker = distiller.Ledger.Supervision.Spawn(() => new FlakyWorker(processed, FailEvery, "worker"), policy);
        distiller.RunUntilIdle();

        for (var n = 1; n <= Orders; n++)
        {
            worker.Work(n);
        }

        distiller.RunUntilIdle();

        Assert.Equal(s_expected, processed);
        Assert.Equal(Orders / FailEvery, worker.RestartCount);
        Assert.Equal(Orders / FailEvery, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.Failed));
        Assert.Equal(Orders / FailEvery, distiller.Ledger.DeadLetters.Count);
        Assert.Equal(0, distiller.Ledger.DroppedCount);
        Assert.Equal([.. Enumerable.Range(1, Orders / FailEvery).Select(i => i * FailEvery)], letters.Items.Select(l => (int)l.Arguments!));
        Assert.All(letters.Items, l => Assert.IsType<InvalidOperationException>(l.Exception));
        Assert.Equal(Orders / FailEvery, events.Items.Count(e => e.Kind == SupervisionEventKind.Restarted));

        var live = (FlakyWorker)worker.Incarnation;
        Assert.NotSame(worker, live);
        Assert.Equal(0, live.ProcessedHere); // the last order (100,000) failed: this incarnation was started after it
        Assert.Equal(Orders / FailEvery, live.Restarts.Single().RestartCount);
        Assert.Same(live, distiller.Ledger.Find("worker"));
        Assert.Same(live, distiller.Ledger.Find(worker.Id));
        Assert.Equal("worker", live.Name);
        Assert.Equal(worker.Id, live.Id);
    }

    [Fact]
    public void FI_02_resume_skips_the_1000_failed_orders_and_keeps_one_instance()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start();
        var processed = new List<int>(Orders);
        var worker = distiller.Ledger.Supervision.Spawn(() => new FlakyWorker(processed, FailEvery), SupervisionPolicy.Resume);
        distiller.RunUntilIdle();

        for (var n = 1; n <= Orders; n++)
        {
            worker.Work(n);
        }

        distiller.RunUntilIdle();

        Assert.Equal(s_expected, processed);
        Assert.Same(worker, worker.Incarnation);
        Assert.Equal(Orders - (Orders / FailEvery), worker.ProcessedHere);
        Assert.Equal(0, worker.RestartCount);
        Assert.Equal(Orders / FailEvery, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.Failed));
        Assert.Equal(Orders / FailEvery, events.Items.Count(e => e.Kind == SupervisionEventKind.Resumed));
        Assert.Equal(0, distiller.Ledger.DroppedCount);
    }

    [Fact]
    public void FI_03_stop_finishes_the_worker_at_the_first_failure_and_the_99900_pending_orders_are_dead_letters()
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        var processed = new List<int>(Orders);
        var worker = distiller.Ledger.Supervision.Spawn(() => new FlakyWorker(processed, FailEvery), SupervisionPolicy.Stop);
        distiller.RunUntilIdle();

        for (var n = 1; n <= Orders; n++)
        {
            worker.Work(n);
        }

        distiller.RunUntilIdle();

        Assert.Equal(Enumerable.Range(1, FailEvery - 1), processed);
        Assert.True(worker.IsCompleted);
        Assert.True(worker.Completion.IsCompletedSuccessfully);
        Assert.Equal(1, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.Failed));
        Assert.Equal(Orders - FailEvery, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.TonicFinishing));
        Assert.Equal(Orders - FailEvery, distiller.Ledger.DroppedCount);
        Assert.Equal(Enumerable.Range(FailEvery + 1, Orders - FailEvery),
            letters.Items.Where(l => l.Reason == DeadLetterReason.TonicFinishing).Select(l => (int)l.Arguments!));
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.Stopped);
        Assert.Null(distiller.Ledger.Find(worker.Id));
    }

    [Fact]
    public async Task FI_04_restart_on_real_catalysts_while_work_keeps_arriving_loses_and_reorders_nothing()
    {
        // A resident keeps the main catalyst running: without a tonic it would finish as soon as it started.
        var formula = new Formula();
        formula.AddStartingTonic(static () => new Resident());
        var run = formula.RunAsync();
        var processed = new List<int>(Orders);
        var policy = SupervisionPolicy.Restart(new RestartOptions { MaxRestarts = null });
        var worker = formula.Ledger.Supervision.Spawn(() => new FlakyWorker(processed, FailEvery), policy, formula.MainCatalyst);

        for (var n = 1; n <= Orders; n++)
        {
            worker.Work(n);
        }

        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Done(done);
        Assert.Equal(s_expected.Length, await done.Task.Within());

        Assert.Equal(s_expected, processed);
        Assert.Equal(Orders / FailEvery, worker.RestartCount);
        Assert.Equal(Orders / FailEvery, formula.Ledger.DeadLetters.CountOf(DeadLetterReason.Failed));
        Assert.Equal(0, formula.Ledger.DroppedCount);
        formula.Ledger.Shutdown();
        await run.Within();
        Assert.True(worker.IsCompleted);
    }

    private sealed partial class Resident : Tonic
    {
    }
}

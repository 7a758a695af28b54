using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Issue 11 item 4: <see cref="Ledger.Shutdown"/> finishes every root, not only the main catalyst's tree.</summary>
public sealed partial class ShutdownTests
{
    private sealed partial class Resident : Tonic
    {
        public Resident(TonicOptions? options = null)
            : base(options)
        {
        }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttse__on_start() => Started.SetResult();
    }

    [Fact]
    public async Task SD01_Shutdown_finishes_a_root_spawned_with_Formula_Spawn_and_RunAsync_completes()
    {
        // The starting tonic keeps the main catalyst alive until the root is spawned (else it could auto-finish first).
        var formula = new Formula();
        formula.AddStartingTonic(() => new Resident());
        var run = formula.RunAsync();
        var root = formula.Spawn(() => new Resident());
        await root.Started.Task.Within();

        formula.Ledger.Shutdown();
        await run.Within();

        Assert.True(root.IsCompleted);
        Assert.True(formula.MainCatalyst!.IsCompleted);
        Assert.Equal(FormulaStatus.MainFinished, formula.Status);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public async Task SD02_Shutdown_finishes_a_root_bound_to_a_root_worker_catalyst()
    {
        var formula = new Formula();
        formula.AddStartingTonic(() => new Resident());
        var run = formula.RunAsync();
        var worker = formula.Spawn(() => new Catalyst(new CatalystOptions { Name = "worker" }));
        var root = formula.Spawn(() => new Resident(new TonicOptions { Catalyst = worker }));
        await root.Started.Task.Within();

        formula.Ledger.Shutdown();
        await run.Within();

        Assert.True(root.IsCompleted);
        Assert.True(worker.IsCompleted);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public async Task SD03_cancelling_RunAsync_finishes_a_spawned_root()
    {
        using var cancel = new CancellationTokenSource();
        var formula = new Formula();
        formula.AddStartingTonic(() => new Resident());
        var run = formula.RunAsync(cancel.Token);
        var root = formula.Spawn(() => new Resident());
        await root.Started.Task.Within();

        await cancel.CancelAsync();
        await run.Within();

        Assert.True(root.IsCompleted);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void SD04_a_root_created_while_the_ledger_shuts_down_starts_and_then_finishes()
    {
        var distiller = new Distiller();
        var first = distiller.Spawn(() => new Resident());
        distiller.RunUntilIdle();

        distiller.Ledger.Shutdown();
        var late = distiller.Spawn(() => new Resident());
        var result = distiller.RunUntilIdle();

        Assert.True(late.HasStarted);
        Assert.True(late.IsCompleted);
        Assert.True(first.IsCompleted);
        Assert.True(distiller.Formula.MainCatalyst!.IsCompleted);
        Assert.True(result.Reasons.HasFlag(StopReasons.CatalystFinished));
        Assert.Equal(0, distiller.Ledger.Count);
    }
}

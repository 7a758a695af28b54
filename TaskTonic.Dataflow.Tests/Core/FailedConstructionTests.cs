using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Issue 11 item 5: a tonic whose constructor throws inside a factory leaves nothing behind.</summary>
public sealed partial class FailedConstructionTests
{
    /// <summary>Registers (the base constructor ran), notes its id, then throws from its own constructor.</summary>
    private sealed partial class Broken : Tonic
    {
        public Broken(List<string> log)
        {
            log.Add($"built {Id}");
            throw new InvalidOperationException("broken constructor");
        }

        private void ttse__on_start() => throw new InvalidOperationException("a broken tonic must never start");
    }

    private sealed partial class Fine : Tonic
    {
        public bool Started { get; private set; }

        private void ttse__on_start() => Started = true;

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Parent(List<string> log) : Tonic
    {
        public Exception? Caught { get; private set; }

        public int Notices { get; private set; }

        private void ttsc__make()
        {
            try
            {
                Infuse(() => new Broken(log));
            }
            catch (InvalidOperationException ex)
            {
                Caught = ex;
            }
        }

        private void ttse__on_infusion_completed(Tonic child) => Notices++;
    }

    private static int BuiltId(List<string> log) => int.Parse(Assert.Single(log)["built ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void FC01_a_spawn_whose_constructor_throws_leaves_no_entry_no_binding_no_start_and_frees_its_id()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var keeper = distiller.Spawn(() => new Fine());
        distiller.RunUntilIdle();
        var main = distiller.Formula.MainCatalyst!;
        var count = distiller.Ledger.Count;
        var bound = main.BoundTonicCount;
        var log = new List<string>();

        var thrown = Assert.Throws<InvalidOperationException>(() => distiller.Spawn(() => new Broken(log)));
        var id = BuiltId(log);

        Assert.Equal("broken constructor", thrown.Message);
        Assert.Equal(count, distiller.Ledger.Count);
        Assert.Null(distiller.Ledger.Find(id));
        Assert.DoesNotContain(distiller.Ledger.Snapshot(), t => t is Broken);
        Assert.Equal(bound, main.BoundTonicCount);
        distiller.RunUntilIdle();
        Assert.Empty(failures);
        Assert.DoesNotContain(distiller.Trace, e => e.Tonic is Broken);
        var next = distiller.Spawn(() => new Fine());
        Assert.Equal(id, next.Id);
        Assert.True(keeper.HasStarted);
    }

    [Fact]
    public void FC02_a_root_whose_constructor_throws_does_not_keep_the_main_catalyst_alive()
    {
        var distiller = new Distiller();
        distiller.Start();

        Assert.Throws<InvalidOperationException>(() => distiller.Spawn(() => new Broken([])));
        var result = distiller.RunUntilIdle();

        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.True(distiller.Formula.MainCatalyst!.IsCompleted);
        Assert.Equal(0, distiller.Ledger.Count);
    }

    [Fact]
    public void FC03_an_infusion_whose_constructor_throws_in_Infuse_leaves_its_parent_as_it_was()
    {
        var distiller = new Distiller();
        var log = new List<string>();
        var parent = distiller.Spawn(() => new Parent(log));
        distiller.RunUntilIdle();
        var count = distiller.Ledger.Count;

        parent.Make();
        distiller.RunUntilIdle();

        Assert.Equal("broken constructor", parent.Caught?.Message);
        Assert.Empty(parent.Infusions);
        Assert.Equal(count, distiller.Ledger.Count);
        Assert.Null(distiller.Ledger.Find(BuiltId(log)));
        Assert.Equal(0, parent.Notices);
        Assert.DoesNotContain(distiller.Trace, e => e.Tonic is Broken);
        Assert.False(parent.IsFinishing);
    }

    [Fact]
    public async Task FC04_a_starting_tonic_whose_constructor_throws_faults_RunAsync_and_leaves_an_empty_ledger()
    {
        var formula = new Formula();
        Fine? fine = null;
        formula.AddStartingTonic(() => fine = new Fine());
        formula.AddStartingTonic(() => new Broken([]));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => formula.RunAsync().Within());

        Assert.Equal("broken constructor", thrown.Message);
        Assert.Equal(FormulaStatus.MainFinished, formula.Status);
        Assert.Equal(0, formula.Ledger.Count);
        Assert.Empty(formula.Ledger.Snapshot());
        await formula.MainCatalyst!.Completion.Within();
        Assert.False(fine!.HasStarted);
    }
}

using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>
/// The light mailbox and the infusion bookkeeping behind it: a start always runs before the work sent to a new tonic,
/// wherever it was created and sent from; a move sent before the start still keeps order; and the live-infusion list
/// stays in creation order while children complete in any order (completed slots are compacted away).
/// </summary>
public sealed partial class MailboxTests
{
    private sealed partial class Recorder : Tonic
    {
        public Recorder(Catalyst? catalyst = null)
            : base(new TonicOptions { Catalyst = catalyst })
        {
        }

        public List<string> Events { get; } = [];

        private void ttse__on_start() => Events.Add($"start@{Catalyst.Name}");

        private void ttsc__note(int n) => Events.Add($"{n}@{Catalyst.Name}");

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Parent : Tonic
    {
        public List<Recorder> Children { get; } = [];

        public Catalyst? Worker { get; private set; }

        private void ttsc__spawn(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var child = new Recorder();
                child.Note(i);
                Children.Add(child);
            }
        }

        private void ttsc__spawn_on_worker()
        {
            Worker ??= new Catalyst(new CatalystOptions { Name = "worker" });
            var child = new Recorder(Worker);
            child.Note(1);
            child.Note(2);
            Children.Add(child);
        }
    }

    [Fact]
    public void A_child_on_the_creating_catalyst_starts_before_the_work_its_creator_sent_it()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();

        parent.Spawn(3);
        distiller.RunUntilIdle();

        Assert.All(parent.Children.Select((child, i) => (child, i)),
            c => Assert.Equal(["start@tt_main_catalyst", $"{c.i}@tt_main_catalyst"], c.child.Events));
        var starts = distiller.Trace.Where(t => t.Sparkle == "ttse__on_start" && t.Tonic is Recorder).Select(t => t.Tonic).ToList();
        Assert.Equal(parent.Children, starts);
    }

    [Fact]
    public void A_child_on_another_catalyst_gets_its_start_first_and_the_buffered_work_in_order()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();

        parent.SpawnOnWorker();
        distiller.RunUntilIdle();

        var child = Assert.Single(parent.Children);
        Assert.Equal(["start@worker", "1@worker", "2@worker"], child.Events);
    }

    [Fact]
    public void A_move_sent_before_the_start_runs_after_it_and_keeps_the_order_of_the_work()
    {
        var distiller = new Distiller();
        Recorder? recorder = null;
        Catalyst? other = null;
        distiller.Formula.AddStartingTonic(() =>
        {
            other = new Catalyst(new CatalystOptions { Name = "other" });
            recorder = new Recorder();
            recorder.Note(1);
            recorder.MoveTo(other);
            recorder.Note(2);
            return recorder;
        });
        distiller.Start();
        recorder!.Note(3);
        distiller.RunUntilIdle();

        Assert.Equal(["start@tt_main_catalyst", "1@tt_main_catalyst", "2@other", "3@other"], recorder.Events);
        Assert.Same(other, recorder.Catalyst);
        Assert.Equal(1, other!.BoundTonicCount);
    }

    [Fact]
    public void Infusions_stay_in_creation_order_while_children_complete_in_any_order()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();
        parent.Spawn(40);
        distiller.RunUntilIdle();
        var children = parent.Children.ToList();

        // Every odd child, then the first ten: enough empty slots to compact the list in between.
        foreach (var child in children.Where((_, i) => i % 2 == 1).Concat(children.Take(10)))
        {
            child.Quit();
        }

        distiller.RunUntilIdle();
        var survivors = children.Where((_, i) => i % 2 == 0 && i >= 10).ToList();
        Assert.Equal(survivors, parent.Infusions);
        Assert.All(children.Except(survivors), c => Assert.True(c.IsCompleted));

        parent.Spawn(2);
        distiller.RunUntilIdle();
        Assert.Equal(survivors.Concat(parent.Children.Skip(40)), parent.Infusions);

        parent.Finish();
        distiller.RunUntilIdle();
        Assert.True(parent.IsCompleted);
        Assert.Empty(parent.Infusions);
        Assert.All(parent.Children, c => Assert.True(c.IsCompleted));
    }

    [Fact]
    public void A_parent_completes_only_after_its_last_child_even_when_children_complete_in_reverse_order()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();
        parent.Spawn(50);
        distiller.RunUntilIdle();

        foreach (var child in Enumerable.Reverse(parent.Children).SkipLast(1))
        {
            child.Quit();
        }

        distiller.RunUntilIdle();
        Assert.Equal([parent.Children[0]], parent.Infusions);
        parent.Finish();
        distiller.RunUntil(() => parent.IsFinishing);
        Assert.False(parent.IsCompleted);

        distiller.RunUntilIdle();
        Assert.True(parent.IsCompleted);
        Assert.True(parent.Children[0].IsCompleted);
    }
}

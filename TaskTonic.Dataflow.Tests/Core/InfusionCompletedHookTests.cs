using TaskTonic.Dataflow.Sparkles;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Issue 11 item 9: <c>ttse__on_infusion_completed(Tonic child)</c> tells a parent, as a work order, that a child completed.</summary>
public sealed partial class InfusionCompletedHookTests
{
    private sealed partial class Child : Tonic
    {
        public Child(string name)
            : base(name)
        {
        }

        private void ttsc__quit() => Finish();
    }

    [TonicStates("waiting", "done")]
    private sealed partial class Parent : Tonic
    {
        public List<string> Seen { get; } = [];

        public Child? First { get; private set; }

        public Child? Second { get; private set; }

        private void ttse__on_start()
        {
            First = new Child("first");
            Second = new Child("second");
        }

        private void ttsc__wait() => ToState(States.Waiting);

        private void ttsc__quit() => Finish();

        private void ttse__on_infusion_completed(Tonic child)
        {
            Seen.Add($"generic {child.Name} completed={child.IsCompleted}");
            if (Infusions.Count == 0)
            {
                ToState(States.Done);
            }
        }

        private void ttse_waiting__on_infusion_completed(Tonic child) => Seen.Add($"waiting {child.Name}");
    }

    /// <summary>The hook without its parameter.</summary>
    private sealed partial class Counter : Tonic
    {
        public int Count { get; private set; }

        private void ttse__on_start() => _ = new Child("only");

        private void ttse__on_infusion_completed() => Count++;
    }

    [Fact]
    public void IC01_after_Sparkle_the_hook_has_run_with_the_completed_child_every_run()
    {
        for (var run = 0; run < 50; run++)
        {
            var distiller = new Distiller();
            var parent = distiller.Spawn(() => new Parent());
            distiller.RunUntilIdle();

            parent.First!.Quit();
            distiller.RunUntilIdle();

            Assert.Equal(["generic first completed=True"], parent.Seen);
            Assert.Same(parent.Second, Assert.Single(parent.Infusions));

            parent.Second!.Quit();
            distiller.RunUntilIdle();

            Assert.Equal(["generic first completed=True", "generic second completed=True"], parent.Seen);
            Assert.Equal("done", parent.StateName);
        }
    }

    [Fact]
    public void IC02_the_state_variant_runs_in_its_state_and_the_trace_names_it()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();
        parent.Wait();
        parent.First!.Quit();

        var result = distiller.RunUntilIdle();

        Assert.Equal(["waiting first"], parent.Seen);
        var hook = Assert.Single(result.Trace, e => e.Sparkle == "ttse__on_infusion_completed");
        Assert.Same(parent, hook.Tonic);
        Assert.Equal("ttse_waiting__on_infusion_completed", hook.Handler);
        Assert.Equal(TonicDescriptor.OnInfusionCompleted, parent.Descriptor.FindSparkle("ttse__on_infusion_completed"));
    }

    [Fact]
    public void IC03_the_hook_does_not_run_for_children_that_finish_with_their_finishing_parent()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();

        parent.Quit();
        distiller.RunUntilIdle();

        Assert.True(parent.IsCompleted);
        Assert.Empty(parent.Seen);
    }

    [Fact]
    public void IC04_the_hook_may_take_no_parameter()
    {
        var distiller = new Distiller();
        var counter = distiller.Spawn(() => new Counter());
        distiller.RunUntilIdle();

        ((Child)counter.Infusions.Single()).Quit();
        distiller.RunUntilIdle();

        Assert.Equal(1, counter.Count);
    }
}

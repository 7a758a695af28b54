using Microsoft.Extensions.Time.Testing;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Testing;

public sealed partial class AssertionTests
{
    [TonicStates("locked", "unlocked", "open")]
    private sealed partial class Door : Tonic
    {
        public Door(FakeTimeProvider? wall = null)
            : base("door") => Wall = wall;

        public FakeTimeProvider? Wall { get; }

        private void ttse__on_start() => ToState(States.Locked);

        private void ttsc_locked__unlock() => ToState(States.Unlocked);

        private void ttsc_unlocked__open() => ToState(States.Open);

        private void ttsc__slow_job(int seconds) => Wall?.Advance(TimeSpan.FromSeconds(seconds));
    }

    private static (Distiller Distiller, Door Door, FakeTimeProvider Wall) Run()
    {
        var wall = new FakeTimeProvider();
        var distiller = new Distiller { WallClock = wall };
        var door = distiller.Spawn(() => new Door(wall));
        door.Unlock();
        door.SlowJob(3);
        door.Open();
        door.SlowJob(1);
        distiller.RunUntilIdle();
        return (distiller, door, wall);
    }

    [Fact]
    public void The_longest_sparkle_is_found_by_wall_duration()
    {
        var (distiller, _, _) = Run();

        var longest = distiller.Trace.LongestSparkle();

        Assert.NotNull(longest);
        Assert.Equal("ttsc__slow_job", longest.Sparkle);
        Assert.Equal(TimeSpan.FromSeconds(3), longest.WallDuration);
        Assert.Null(Array.Empty<SparkleTrace>().LongestSparkle());
    }

    [Fact]
    public void The_state_history_lists_every_state_entered()
    {
        var (distiller, door, _) = Run();
        door.Finish();
        distiller.RunUntilIdle();

        Assert.Equal(["locked", "unlocked", "open", Tonic.NoStateName], distiller.StateHistory(door));
    }

    [Fact]
    public void Ran_before_passes_in_order_and_explains_a_wrong_order()
    {
        var (distiller, _, _) = Run();

        distiller.Trace.AssertRanBefore("ttsc__unlock", "ttsc__open");
        distiller.Trace.AssertRanBefore("Unlock", "Open");

        var wrong = Assert.Throws<DistillerAssertionException>(() => distiller.Trace.AssertRanBefore("ttsc__open", "ttsc__unlock"));
        Assert.StartsWith("Expected ttsc__open to run before ttsc__unlock, but ttsc__unlock ran first:", wrong.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<DistillerAssertionException>(() => distiller.Trace.AssertRanBefore("ttsc__knock", "ttsc__open"));
        Assert.Contains("ttsc__knock never ran", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_giant_sparkle_check_fails_on_a_sparkle_over_budget_and_names_it()
    {
        var (distiller, _, _) = Run();

        distiller.Trace.AssertNoSparkleLongerThan(TimeSpan.FromSeconds(3));
        var giant = Assert.Throws<DistillerAssertionException>(() => distiller.Trace.AssertNoSparkleLongerThan(TimeSpan.FromSeconds(2)));

        Assert.StartsWith("1 sparkle(s) took longer than 2000 ms:", giant.Message, StringComparison.Ordinal);
        Assert.Contains("3000 ms  #", giant.Message, StringComparison.Ordinal);
        Assert.Contains("door.ttsc__slow_job", giant.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_orders_of_a_tonic_leave_hooks_out()
    {
        var (distiller, _, _) = Run();

        Assert.Equal(["_ttss__on_start", "ttsc__unlock", "ttsc__slow_job", "ttsc__open", "ttsc__slow_job"], distiller.Trace.WorkOrdersOf("door"));
    }
}

using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Behaviour reference §2.9 TM-10 and TM-11, §4.3 item 23: timers live and die with their tonic.</summary>
public sealed partial class TimerLifecycleTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>Owns one timer of every kind.</summary>
    private sealed partial class Workshop : Tonic
    {
        public List<string> Fired { get; } = [];

        public List<TonicTimer> Created { get; } = [];

        public int FinishOnFire { get; init; }

        private void ttse__on_start()
        {
            Created.Add(new RepeatTimer(OneSecond, name: "tick"));
            Created.Add(new SingleShotTimer(TimeSpan.FromSeconds(10), name: "bell"));
            Created.Add(new PausingTimer(TimeSpan.FromSeconds(5), name: "oven"));
            Created.Add(new CalendarTimer(new EveryMinuteRule(timeZone: TimeZoneInfo.Utc), name: "minute"));
        }

        private void ttse__on_timer(TimerInfo info)
        {
            Fired.Add(info.Name);
            if (Fired.Count == FinishOnFire)
            {
                Finish();
            }
        }
    }

    /// <summary>TM-11: creates its timers in its constructor, before it is bound to a running catalyst.</summary>
    private sealed partial class Early : Tonic
    {
        public Early()
        {
            Beat = new RepeatTimer(OneSecond, name: "beat", owner: this);
            Once = new SingleShotTimer(TimeSpan.FromSeconds(1.5), name: "once", owner: this);
            TimersAfterConstruction = Timers.Count;
        }

        public RepeatTimer Beat { get; }

        public SingleShotTimer Once { get; }

        public int TimersAfterConstruction { get; }

        public List<string> Events { get; } = [];

        private void ttse__on_start() => Events.Add("on_start");

        private void ttse__on_beat(TimerInfo info) => Events.Add($"beat {info.ScheduledAt.Second}s missed {info.MissedTicks}");

        private void ttse__on_once() => Events.Add("once");
    }

    /// <summary>Creates an <see cref="Early"/> inside its own sparkle.</summary>
    private sealed partial class Parent : Tonic
    {
        public Early? Child { get; private set; }

        private void ttse__on_start() => Child = new Early();
    }

    /// <summary>Ticks every second and says on which catalyst; can fail in a chosen tick.</summary>
    private sealed partial class Nomad : Tonic
    {
        public List<string> Fired { get; } = [];

        public int FailOn { get; init; }

        private void ttse__on_start() => _ = new RepeatTimer(OneSecond, name: "tick");

        private void ttse__on_tick(TimerInfo info)
        {
            Fired.Add($"{info.ScheduledAt.Second} on {Catalyst.Name}");
            if (Fired.Count == FailOn)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    [Fact]
    public void TM10_finishing_the_tonic_finishes_all_its_timers_and_none_fires_afterwards()
    {
        var distiller = new Distiller();
        var workshop = distiller.Spawn(() => new Workshop());
        distiller.RunFor(TimeSpan.FromSeconds(2.5));
        Assert.Equal(["tick", "tick"], workshop.Fired);
        Assert.Equal(workshop.Created, workshop.Timers);

        workshop.Finish();
        distiller.RunFor(TimeSpan.FromMinutes(5));

        Assert.Equal(["tick", "tick"], workshop.Fired);
        Assert.True(workshop.IsCompleted);
        Assert.Empty(workshop.Timers);
        Assert.All(workshop.Created, timer => Assert.True(timer.IsFinished));
        Assert.All(workshop.Created, timer => Assert.Null(timer.Expiry));
        Assert.Null(distiller.Clock.NextDue);
    }

    [Fact]
    public void TM10_a_tonic_that_finishes_from_a_timer_handler_stops_its_other_timers()
    {
        var distiller = new Distiller();
        var workshop = distiller.Spawn(() => new Workshop { FinishOnFire = 3 });

        var result = distiller.RunUntilIdle(TimeSpan.FromHours(1));

        Assert.Equal(["tick", "tick", "tick"], workshop.Fired);
        Assert.True(workshop.IsCompleted);
        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.Null(distiller.Clock.NextDue);
    }

    [Fact]
    public void The_timer_of_a_finished_tonic_never_fires_even_when_its_expiry_was_already_queued()
    {
        var distiller = new Distiller();
        var workshop = distiller.Spawn(() => new Workshop());
        distiller.RunFor(TimeSpan.FromSeconds(0.5));

        // The finish is queued first; then the clock passes the tick, whose expiry is queued behind the finish.
        workshop.Finish();
        distiller.Clock.Advance(OneSecond);
        distiller.RunFor(TimeSpan.FromMinutes(5));

        Assert.Empty(workshop.Fired);
        Assert.True(workshop.IsCompleted);
    }

    [Fact]
    public void No_timer_can_be_created_for_a_finishing_or_completed_tonic()
    {
        var distiller = new Distiller();
        var workshop = distiller.Spawn(() => new Workshop());
        distiller.RunQueued();
        workshop.Finish();
        distiller.RunFor(OneSecond);
        Assert.True(workshop.IsCompleted);

        var error = Assert.Throws<InvalidOperationException>(() => new RepeatTimer(OneSecond, name: "tick", owner: workshop));

        Assert.Contains("finishing", error.Message, StringComparison.Ordinal);
        Assert.Empty(workshop.Timers);
    }

    [Fact]
    public void TM11_timers_created_in_the_constructor_attach_at_once_and_fire_after_on_start()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var early = distiller.Spawn(() => new Early());
        Assert.Equal(2, early.TimersAfterConstruction);
        Assert.True(early.Beat.IsRunning);
        Assert.Equal(start + OneSecond, early.Beat.Expiry);

        // The clock passes the first beat and the single shot before the tonic's start ran: both wait for it.
        distiller.Clock.Advance(TimeSpan.FromSeconds(2.5));
        distiller.RunFor(OneSecond);

        Assert.Equal(["on_start", "beat 1s missed 1", "once", "beat 3s missed 0"], early.Events);
        Assert.Same(early.Beat, Assert.Single(early.Timers));
    }

    [Fact]
    public void TM11_a_child_created_in_a_sparkle_owns_the_timers_of_its_constructor()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());

        distiller.RunFor(TimeSpan.FromSeconds(2));

        var child = parent.Child!;
        Assert.Empty(parent.Timers);
        Assert.Same(child, child.Beat.Owner);
        Assert.Equal(["on_start", "beat 1s missed 0", "once", "beat 2s missed 0"], child.Events);
    }

    [Fact]
    public void A_tonic_that_moves_to_another_catalyst_takes_its_timers_along()
    {
        var distiller = new Distiller();
        Catalyst? other = null;
        Nomad? nomad = null;
        distiller.Formula.AddStartingTonic(() =>
        {
            other = new Catalyst(new CatalystOptions { Name = "other" });
            return nomad = new Nomad();
        });
        distiller.RunFor(TimeSpan.FromSeconds(2));

        nomad!.MoveTo(other!);
        distiller.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal(["1 on tt_main_catalyst", "2 on tt_main_catalyst", "3 on other", "4 on other"], nomad.Fired);
    }

    [Fact]
    public void A_failing_timer_handler_is_reported_and_the_timer_keeps_running()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(failure =>
        {
            if (failure.Reason == DeadLetterReason.Failed)
            {
                failures.Add(failure);
            }
        });
        var nomad = distiller.Spawn(() => new Nomad { FailOn = 1 });
        var callbacks = 0;
        _ = new SingleShotTimer(TimeSpan.FromSeconds(1.5), sparkleBack: _ => throw new InvalidOperationException("bang " + ++callbacks), owner: nomad);

        distiller.RunFor(TimeSpan.FromSeconds(3));

        Assert.Equal(["1 on tt_main_catalyst", "2 on tt_main_catalyst", "3 on tt_main_catalyst"], nomad.Fired);
        Assert.Equal(["ttse__on_tick: boom", "_ttss__timer_expired: bang 1"], failures.Select(f => $"{f.SparkleName}: {f.Exception!.Message}"));
        Assert.All(failures, f => Assert.Same(nomad, f.Target));
        Assert.False(nomad.IsFinishing);
    }
}

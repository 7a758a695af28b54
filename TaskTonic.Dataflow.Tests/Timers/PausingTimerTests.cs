using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Behaviour reference §2.9 TM-09 and §4.3 item 21: <see cref="PausingTimer"/> keeps its remaining time across pauses.</summary>
public sealed partial class PausingTimerTests
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    private sealed partial class Oven : Tonic
    {
        private readonly bool _startPaused;

        public Oven(bool startPaused) => _startPaused = startPaused;

        public PausingTimer? Timer { get; private set; }

        public List<TimerInfo> Dings { get; } = [];

        private void ttse__on_start() => Timer = new PausingTimer(TwoSeconds, name: "ding", startPaused: _startPaused);

        private void ttse__on_ding(TimerInfo info) => Dings.Add(info);

        private void ttsc__pause_and_resume() => Timer!.Pause().Pause().Resume();
    }

    private static (Distiller Distiller, DateTimeOffset Start, Oven Oven) Run(bool startPaused = false)
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var oven = distiller.Spawn(() => new Oven(startPaused));
        distiller.RunQueued();
        return (distiller, start, oven);
    }

    private static double[] DingSeconds(Oven oven, DateTimeOffset start) => [.. oven.Dings.Select(d => d.FiredAt.SecondsSince(start))];

    [Fact]
    public void TM09_fires_after_its_period_is_then_paused_and_a_resume_runs_a_full_period_again()
    {
        var (distiller, start, oven) = Run();
        var timer = oven.Timer!;
        Assert.Equal(TwoSeconds, timer.Remaining);

        distiller.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal([2.0], DingSeconds(oven, start));
        Assert.True(timer.IsPaused);
        Assert.False(timer.IsRunning);
        Assert.Equal(TimeSpan.Zero, timer.Remaining);

        timer.Resume();
        distiller.RunFor(TimeSpan.FromSeconds(10));

        Assert.Equal([2.0, 5.0], DingSeconds(oven, start));
        Assert.Equal(0, oven.Dings[1].MissedTicks);
    }

    [Fact]
    public void TM09_pause_mid_period_keeps_the_remaining_time_and_a_pause_after_a_resume_works()
    {
        var (distiller, start, oven) = Run();
        var timer = oven.Timer!;
        distiller.RunFor(TimeSpan.FromSeconds(0.5));

        timer.Pause();
        distiller.RunQueued();
        Assert.True(timer.IsPaused);
        Assert.Equal(TimeSpan.FromSeconds(1.5), timer.Remaining);
        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Empty(oven.Dings);
        Assert.Equal(TimeSpan.FromSeconds(1.5), timer.Remaining);

        // Resume at 10.5 with 1.5 s left; pause again at 11 (the Python version ignores this pause).
        timer.Resume();
        distiller.RunFor(TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), timer.Remaining);
        timer.Pause();
        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Empty(oven.Dings);
        Assert.Equal(TimeSpan.FromSeconds(1), timer.Remaining);

        timer.Resume();
        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal([22.0], DingSeconds(oven, start));
        Assert.Equal(start.AddSeconds(22), oven.Dings[0].ScheduledAt);
    }

    [Fact]
    public void TM09_started_paused_it_holds_the_full_period_until_resumed()
    {
        var (distiller, start, oven) = Run(startPaused: true);
        var timer = oven.Timer!;
        Assert.True(timer.IsPaused);
        Assert.False(timer.IsRunning);
        Assert.Equal(TwoSeconds, timer.Remaining);

        distiller.RunFor(TimeSpan.FromSeconds(7));
        Assert.Empty(oven.Dings);

        timer.Resume();
        distiller.RunFor(TimeSpan.FromSeconds(7));
        Assert.Equal([9.0], DingSeconds(oven, start));
    }

    [Fact]
    public void Pause_and_resume_are_idempotent_and_chain_on_the_same_timer()
    {
        var (distiller, start, oven) = Run();
        var timer = oven.Timer!;
        distiller.RunFor(TimeSpan.FromSeconds(1));

        oven.PauseAndResume();
        Assert.Same(timer, timer.Resume().Resume());
        distiller.RunFor(TimeSpan.FromSeconds(5));

        Assert.Equal([2.0], DingSeconds(oven, start));
    }

    [Fact]
    public void Change_period_keeps_the_running_countdown_and_applies_to_the_next_full_one()
    {
        var (distiller, start, oven) = Run();
        var timer = oven.Timer!;
        distiller.RunFor(TimeSpan.FromSeconds(1));

        Assert.Same(timer, timer.ChangePeriod(TimeSpan.FromSeconds(5)));
        distiller.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal([2.0], DingSeconds(oven, start));

        timer.Resume();
        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal([2.0, 8.0], DingSeconds(oven, start));
        Assert.Equal(TimeSpan.FromSeconds(5), timer.Period);
    }

    [Fact]
    public void Stop_and_start_run_a_full_period_from_now()
    {
        var (distiller, start, oven) = Run();
        var timer = oven.Timer!;
        distiller.RunFor(TimeSpan.FromSeconds(1.5));

        timer.Stop();
        distiller.RunFor(TimeSpan.FromSeconds(5));
        Assert.Empty(oven.Dings);
        Assert.False(timer.IsRunning);

        timer.Start();
        distiller.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal([8.5], DingSeconds(oven, start));
    }

    [Fact]
    public void A_finished_pausing_timer_refuses_pause_and_resume()
    {
        var (distiller, _, oven) = Run();
        var timer = oven.Timer!;
        timer.Finish();
        distiller.RunQueued();

        Assert.Throws<InvalidOperationException>(() => timer.Pause());
        Assert.Throws<InvalidOperationException>(() => timer.Resume());
        Assert.Empty(oven.Timers);
    }
}

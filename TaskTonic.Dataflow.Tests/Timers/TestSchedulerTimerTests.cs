using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// Relative timers on real catalysts whose clock is an Rx <see cref="TestScheduler"/> (through
/// <see cref="TestSchedulerTimeProvider"/>): one virtual clock drives both Rx pipelines and the tonic's timers.
/// After every step the test waits for the tonic to drain its queue, so nothing races the scheduler.
/// </summary>
public sealed class TestSchedulerTimerTests
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static async Task<(TestScheduler Scheduler, Task Run, TimerHost Host)> StartAsync(Action<TimerHost> onStart)
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(Origin.UtcTicks);
        var formula = new Formula(new FormulaOptions { TimeProvider = new TestSchedulerTimeProvider(scheduler) });
        TimerHost? host = null;
        formula.AddStartingTonic(() => host = new TimerHost(onStart));
        var run = formula.RunAsync();
        await host!.Started.InTime();
        return (scheduler, run, host);
    }

    /// <summary>Moves the scheduler one step, then waits until the host ran everything that step queued.</summary>
    private static async Task StepAsync(TestScheduler scheduler, TimerHost host, TimeSpan step)
    {
        scheduler.AdvanceBy(step.Ticks);
        await host.RunAsync(_ => { }).InTime();
    }

    private static List<TimerFire> Drain(TimerHost host)
    {
        var fires = new List<TimerFire>();
        while (host.Fired.TryRead(out var fire))
        {
            fires.Add(fire);
        }

        return fires;
    }

    [Fact]
    public async Task A_repeat_timer_and_an_Rx_interval_tick_on_the_same_virtual_clock()
    {
        var (scheduler, run, host) = await StartAsync(h => _ = new RepeatTimer(OneSecond, name: "tick"));
        var rxTicks = new List<DateTimeOffset>();
        using var rx = Observable.Interval(TimeSpan.FromMilliseconds(500), scheduler).Subscribe(_ => rxTicks.Add(scheduler.Now));

        for (var step = 0; step < 20; step++)
        {
            await StepAsync(scheduler, host, TimeSpan.FromMilliseconds(500));
        }

        var fires = Drain(host);
        Assert.Equal(Enumerable.Range(1, 10).Select(k => Origin.AddSeconds(k)), fires.Select(f => f.Info.FiredAt));
        Assert.All(fires, f => Assert.Equal(TimeSpan.Zero, f.Info.Lateness));
        Assert.Equal(Enumerable.Range(1, 20).Select(k => Origin.AddMilliseconds(500 * k)), rxTicks);
        Assert.Subset(rxTicks.ToHashSet(), fires.Select(f => f.Info.FiredAt).ToHashSet());

        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task TM07_an_Rx_pipeline_kicks_a_watchdog_which_fires_three_seconds_after_the_last_kick()
    {
        var (scheduler, run, host) = await StartAsync(h => h.Watchdog = new SingleShotTimer(TimeSpan.FromSeconds(3), name: "watchdog"));
        using var pipeline = Observable.Interval(OneSecond, scheduler)
            .Take(5)
            .Select(n => n * 10)
            .Subscribe(n => host.Kick(n));

        for (var step = 0; step < 12; step++)
        {
            await StepAsync(scheduler, host, OneSecond);
        }

        Assert.Equal([0L, 10, 20, 30, 40], host.Kicks);
        var bark = Assert.Single(Drain(host));
        Assert.Equal("ttse__on_watchdog", bark.Handler);
        Assert.Equal(Origin.AddSeconds(8), bark.Info.FiredAt);
        Assert.Equal(Origin.AddSeconds(8), bark.Info.ScheduledAt);

        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task TM09_a_pausing_timer_on_the_scheduler_clock_resumes_with_its_remaining_time()
    {
        PausingTimer? timer = null;
        var (scheduler, run, host) = await StartAsync(h => timer = new PausingTimer(TimeSpan.FromSeconds(4), name: "tick"));

        await StepAsync(scheduler, host, OneSecond);
        await host.RunAsync(_ => timer!.Pause());
        await StepAsync(scheduler, host, TimeSpan.FromMinutes(1));
        await host.RunAsync(_ => timer!.Resume());
        await StepAsync(scheduler, host, TimeSpan.FromSeconds(2.5));
        Assert.Empty(Drain(host));
        await StepAsync(scheduler, host, TimeSpan.FromSeconds(0.5));

        var fire = Assert.Single(Drain(host));
        Assert.Equal(Origin + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(4), fire.Info.FiredAt);
        host.Finish();
        await run.InTime();
    }
}

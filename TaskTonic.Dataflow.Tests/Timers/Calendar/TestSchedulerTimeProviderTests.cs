using System.Reactive.Linq;
using Microsoft.Reactive.Testing;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class TestSchedulerTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly TestScheduler _scheduler = new();
    private readonly TestSchedulerTimeProvider _time;

    public TestSchedulerTimeProviderTests()
    {
        _time = new TestSchedulerTimeProvider(_scheduler, Zones.Amsterdam);
        _scheduler.AdvanceTo(Start.UtcTicks);
    }

    [Fact]
    public void Clock_is_the_scheduler_clock_in_timespan_ticks()
    {
        var stamp = _time.GetTimestamp();

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(1.5).Ticks);

        Assert.Equal(Start.AddSeconds(1.5), _time.GetUtcNow());
        Assert.Equal(_scheduler.Now, _time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(1.5), _time.GetElapsedTime(stamp));
        Assert.Equal(TimeSpan.FromHours(1), _time.GetLocalNow().Offset);
        Assert.Equal(DateTimeOffset.MinValue, new TestSchedulerTimeProvider(new TestScheduler()).GetUtcNow());
    }

    [Fact]
    public void Rx_interval_and_provider_timer_fire_in_virtual_time_order()
    {
        var log = new List<string>();
        using var rx = Observable.Interval(TimeSpan.FromSeconds(2), _scheduler).Subscribe(n => log.Add(Invariant($"rx{n}@{Elapsed()}")));
        using var timer = _time.CreateTimer(_ => log.Add(Invariant($"timer@{Elapsed()}")), null, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3));

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(7).Ticks);

        Assert.Equal(["timer@0.5", "rx0@2", "timer@3.5", "rx1@4", "rx2@6", "timer@6.5"], log);
    }

    [Fact]
    public void Change_moves_a_pending_timer()
    {
        var fired = new List<double>();
        using var timer = _time.CreateTimer(_ => fired.Add(Elapsed()), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);

        Assert.True(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(20).Ticks);

        Assert.Equal([6d], fired);
    }

    [Fact]
    public void Change_to_infinite_stops_and_a_later_change_restarts()
    {
        var fired = new List<double>();
        using var timer = _time.CreateTimer(_ => fired.Add(Elapsed()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(2.5).Ticks);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);
        timer.Change(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        Assert.Equal([1d, 2d, 14.5, 19.5], fired);
    }

    [Fact]
    public void Dispose_stops_a_periodic_timer_and_change_then_returns_false()
    {
        var count = 0;
        var timer = _time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);

        timer.Dispose();
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        Assert.Equal(2, count);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), TimeSpan.Zero));
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task A_timer_can_dispose_or_change_itself_from_its_callback()
    {
        var disposing = new List<double>();
        ITimer? self = null;
        self = _time.CreateTimer(_ => { disposing.Add(Elapsed()); self!.Dispose(); }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var changing = new List<double>();
        ITimer? other = null;
        other = _time.CreateTimer(_ => { changing.Add(Elapsed()); other!.Change(TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan); }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        Assert.Equal([1d], disposing);
        Assert.Equal([1d, 5d, 9d], changing);
        await other.DisposeAsync();
    }

    [Fact]
    public void Periodic_timer_does_not_drift()
    {
        var fired = new List<DateTimeOffset>();
        using var timer = _time.CreateTimer(_ => fired.Add(_time.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _scheduler.AdvanceBy(TimeSpan.FromHours(1).Ticks);

        Assert.Equal(3600, fired.Count);
        Assert.Equal(Enumerable.Range(1, 3600).Select(second => Start.AddSeconds(second)), fired);
    }

    [Fact]
    public void Infinite_due_time_creates_a_stopped_timer_and_zero_due_time_fires_one_tick_later()
    {
        var stopped = 0;
        var immediate = new List<long>();
        using var idle = _time.CreateTimer(_ => stopped++, null, Timeout.InfiniteTimeSpan, TimeSpan.FromSeconds(1));
        using var now = _time.CreateTimer(_ => immediate.Add(_scheduler.Clock), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        _scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);

        Assert.Equal(0, stopped);
        Assert.Equal([Start.UtcTicks + 1], immediate);
    }

    [Fact]
    public void Task_delay_completes_when_the_scheduler_reaches_its_due_time()
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(5), _time);

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(4.9).Ticks);
        Assert.False(delay.IsCompleted);

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(0.1).Ticks);
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Negative_times_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan));
        using var timer = _time.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(TimeSpan.Zero, TimeSpan.FromTicks(-5)));
        Assert.Throws<ArgumentNullException>(() => _time.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private double Elapsed() => (_time.GetUtcNow() - Start).TotalSeconds;
}

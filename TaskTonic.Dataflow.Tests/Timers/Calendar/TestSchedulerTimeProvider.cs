using Microsoft.Reactive.Testing;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// A <see cref="TimeProvider"/> on the virtual clock of an Rx <see cref="TestScheduler"/>, so one clock drives both Rx
/// pipelines and <see cref="TimeProvider"/>-based timers (including <c>Task.Delay(delay, provider)</c>).
/// </summary>
/// <remarks>
/// <para>
/// Tick mapping: one <see cref="TestScheduler"/> tick is one <see cref="TimeSpan"/> tick (100 ns), and the clock is
/// read as UTC ticks since 0001-01-01, exactly like <see cref="TestScheduler"/>'s own <c>Now</c>. Clock 0 is therefore
/// <see cref="DateTimeOffset.MinValue"/>; call <c>scheduler.AdvanceTo(instant.UtcTicks)</c> to start at a real date.
/// </para>
/// <para>
/// Timers fire only while the scheduler runs (<c>AdvanceBy</c>, <c>AdvanceTo</c>, <c>Start</c>), on the thread that
/// runs it, in virtual-time order with all other scheduled work. A due time of zero fires one tick later, because
/// <see cref="TestScheduler"/> never runs work at the current clock value. Periodic timers are rescheduled from the
/// virtual time at which they fired, so they never drift.
/// </para>
/// </remarks>
public sealed class TestSchedulerTimeProvider : TimeProvider
{
    private readonly TimeZoneInfo _localTimeZone;

    /// <summary>Creates a provider on <paramref name="scheduler"/>'s clock.</summary>
    /// <param name="scheduler">The scheduler whose virtual clock this provider reads.</param>
    /// <param name="localTimeZone">The zone returned by <see cref="LocalTimeZone"/>; <see langword="null"/> means UTC, so tests never depend on the machine.</param>
    public TestSchedulerTimeProvider(TestScheduler scheduler, TimeZoneInfo? localTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Scheduler = scheduler;
        _localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>Gets the scheduler whose clock this provider reads.</summary>
    public TestScheduler Scheduler { get; }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <summary>Gets the timestamp frequency: <see cref="TimeSpan.TicksPerSecond"/>, since timestamps are scheduler ticks.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Returns the scheduler's clock as a UTC instant (ticks since 0001-01-01).</summary>
    /// <returns>The virtual now.</returns>
    public override DateTimeOffset GetUtcNow() => new(Scheduler.Clock, TimeSpan.Zero);

    /// <summary>Returns the scheduler's clock in ticks.</summary>
    /// <returns>The virtual timestamp.</returns>
    public override long GetTimestamp() => Scheduler.Clock;

    /// <summary>Creates a timer that the scheduler fires in virtual time.</summary>
    /// <param name="callback">Called each time the timer fires.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="dueTime">Delay before the first firing; <see cref="Timeout.InfiniteTimeSpan"/> creates a stopped timer.</param>
    /// <param name="period">Interval between firings; zero or <see cref="Timeout.InfiniteTimeSpan"/> fires once.</param>
    /// <returns>The timer, which supports <see cref="ITimer.Change"/> and disposal.</returns>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new TestSchedulerTimer(Scheduler, callback, state, dueTime, period);
    }
}

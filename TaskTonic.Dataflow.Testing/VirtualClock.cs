namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told to: <see cref="Advance"/>, <see cref="AdvanceTo"/> or
/// <see cref="FireNext"/>. Timers fire on the thread that moves the clock, in due-time order (ties in creation order).
/// The <see cref="Distiller"/> uses it so a test of a one-day schedule runs in milliseconds.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<(VirtualTimer Timer, long Version), (DateTimeOffset Due, long Sequence)> _queue = new();
    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _epoch;
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates a clock starting at <paramref name="start"/> (default 2025-01-01 00:00 UTC) in <paramref name="zone"/> (default UTC).</summary>
    public VirtualClock(DateTimeOffset? start = null, TimeZoneInfo? zone = null)
    {
        _now = start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _epoch = _now;
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _zone;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The due time of the earliest active timer, or null when none is active.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropStale();
                return _queue.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => (GetUtcNow() - _epoch).Ticks;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="dueTime"/> or <paramref name="period"/> is negative (other than <see cref="Timeout.InfiniteTimeSpan"/>)
    /// or longer than 4,294,967,294 ms: the same limit as a system timer, here and in the timer's <see cref="ITimer.Change"/>.
    /// </exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing every timer due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delta is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + delta);
    }

    /// <summary>Moves time to <paramref name="target"/>, firing every timer due on the way; never moves backwards.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (FireNext(target))
        {
        }

        lock (_gate)
        {
            if (target > _now)
            {
                _now = target;
            }
        }
    }

    /// <summary>
    /// If the earliest timer is due at or before <paramref name="limit"/>, moves time to its due time and fires it.
    /// </summary>
    /// <returns>True when a timer fired.</returns>
    public bool FireNext(DateTimeOffset limit)
    {
        VirtualTimer timer;
        lock (_gate)
        {
            DropStale();
            if (!_queue.TryPeek(out var entry, out var key) || key.Due > limit)
            {
                return false;
            }

            _queue.Dequeue();
            timer = entry.Timer;
            if (key.Due > _now)
            {
                _now = key.Due;
            }

            timer.Rearm(_now);
        }

        timer.Invoke();
        return true;
    }

    internal void Schedule(VirtualTimer timer, DateTimeOffset due, long version)
    {
        lock (_gate)
        {
            _queue.Enqueue((timer, version), (due, _sequence++));
        }
    }

    internal DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    internal Lock Gate => _gate;

    private void DropStale()
    {
        while (_queue.TryPeek(out var entry, out _) && !entry.Timer.IsCurrent(entry.Version))
        {
            _queue.Dequeue();
        }
    }
}

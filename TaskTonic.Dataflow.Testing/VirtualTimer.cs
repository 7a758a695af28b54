namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// A timer of a <see cref="VirtualClock"/>. It accepts the same due times and periods as a system timer (up to
/// 4,294,967,294 ms), so code that arms a longer wait fails under the distiller as it would in production.
/// </summary>
internal sealed class VirtualTimer : ITimer
{
    private static readonly TimeSpan s_longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private long _version;
    private bool _disposed;

    public VirtualTimer(VirtualClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ThrowIfOutOfRange(dueTime, nameof(dueTime));
        ThrowIfOutOfRange(period, nameof(period));
        lock (_clock.Gate)
        {
            if (_disposed)
            {
                return false;
            }

            _version++;
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _clock.Schedule(this, _clock.Now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime), _version);
            }

            return true;
        }
    }

    public void Dispose()
    {
        lock (_clock.Gate)
        {
            _disposed = true;
            _version++;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal bool IsCurrent(long version) => !_disposed && version == _version;

    /// <summary>Called under the clock's lock when this timer fires: schedules the next period, if any.</summary>
    internal void Rearm(DateTimeOffset now)
    {
        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
        {
            _clock.Schedule(this, now + _period, _version);
        }
        else
        {
            _version++;
        }
    }

    internal void Invoke() => _callback(_state);

    private static void ThrowIfOutOfRange(TimeSpan value, string paramName)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value > s_longest))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"A timer's {paramName} must be Timeout.InfiniteTimeSpan or 0..{s_longest.TotalMilliseconds:F0} ms, as for a system timer.");
        }
    }
}

using System.Reactive.Disposables;
using Microsoft.Reactive.Testing;

namespace TaskTonic.Dataflow.Tests.Timers;

internal sealed class TestSchedulerTimer : ITimer
{
    private readonly Lock _gate = new();
    private readonly TestScheduler _scheduler;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private IDisposable? _pending;
    private long _period;
    private bool _disposed;

    internal TestSchedulerTimer(TestScheduler scheduler, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _scheduler = scheduler;
        _callback = callback;
        _state = state;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _pending?.Dispose();
            _period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            _pending = dueTime == Timeout.InfiniteTimeSpan ? null : ScheduleAt(_scheduler.Clock + dueTime.Ticks);
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private IDisposable ScheduleAt(long due) =>
        _scheduler.ScheduleAbsolute(this, due, static (_, timer) => timer.Fire());

    private IDisposable Fire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return Disposable.Empty;
            }

            _pending = _period > 0 ? ScheduleAt(_scheduler.Clock + _period) : null;
        }

        _callback(_state);
        return Disposable.Empty;
    }

    private static void Validate(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or positive, or Timeout.InfiniteTimeSpan");
        }
    }
}

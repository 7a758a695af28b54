namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// The ledger's clock as the restart pipeline sees it. Timer callbacks run without a <see cref="SynchronizationContext"/>,
/// so Polly's continuations run inline on the thread that fires the timer (the Distiller's thread under virtual time),
/// which keeps restarts deterministic in tests.
/// </summary>
internal sealed class InlineTimeProvider(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(static s =>
        {
            var (cb, st) = ((TimerCallback, object?))s!;
            Inline.Run(cb, st);
        }, (callback, state), dueTime, period);
}

/// <summary>Runs code with no synchronization context, so task continuations it triggers may run inline.</summary>
internal static class Inline
{
    public static void Run<T>(Action<T> action, T state)
    {
        var saved = SynchronizationContext.Current;
        if (saved is null)
        {
            action(state);
            return;
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }

    public static void Run(TimerCallback callback, object? state) => Run(static s => s.callback(s.state), (callback, state));
}

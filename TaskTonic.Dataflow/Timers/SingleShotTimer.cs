namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// Fires once after <see cref="Delay"/>, then finishes. <see cref="TonicTimer.Restart"/> before it fires starts the
/// countdown again (a watchdog); starting or restarting a finished timer throws.
/// </summary>
public sealed class SingleShotTimer : TonicTimer
{
    /// <summary>Creates and (unless <paramref name="start"/> is false) starts the timer.</summary>
    /// <param name="delay">Time to the expiry; positive and at most <see cref="TonicTimer.MaxDelay"/>.</param>
    /// <param name="name">Routes the expiry to <c>ttse__on_&lt;name&gt;</c> / <c>ttse__on_tmr_&lt;name&gt;</c> / <c>ttse__on_timer</c>.</param>
    /// <param name="sparkleBack">Called on the owner's catalyst instead of a routed handler.</param>
    /// <param name="owner">The owning tonic; default the tonic whose sparkle is running.</param>
    /// <param name="start">Start at once (default).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is not positive or exceeds <see cref="TonicTimer.MaxDelay"/>.</exception>
    public SingleShotTimer(TimeSpan delay, string? name = null, Action<TimerInfo>? sparkleBack = null, Tonic? owner = null, bool start = true)
        : base(name, sparkleBack, owner)
    {
        DelayArguments.Check(delay, nameof(delay));
        Delay = delay;
        Attach();
        if (start)
        {
            Start();
        }
    }

    /// <summary>The delay from start to expiry.</summary>
    public TimeSpan Delay { get; private set; }

    /// <summary>Changes the delay; it applies from the next start or restart.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is not positive or exceeds <see cref="TonicTimer.MaxDelay"/>.</exception>
    public SingleShotTimer ChangeDelay(TimeSpan delay)
    {
        DelayArguments.Check(delay, nameof(delay));
        Apply(null, () => Delay = delay);
        return this;
    }

    private protected override void StartCore() => Arm(FromNow(Delay));

    private protected override void OnExpired(DateTimeOffset scheduled, DateTimeOffset now)
    {
        FinishCore();
        Raise(scheduled, now, 0);
    }
}

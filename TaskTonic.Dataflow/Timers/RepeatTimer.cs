namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// Fires every <see cref="Period"/>. Each expiry is scheduled from the previous one, not from when the handler ran,
/// so it never drifts. When the catalyst was blocked for several periods, <see cref="CatchUp"/> decides.
/// </summary>
public sealed class RepeatTimer : TonicTimer
{
    /// <summary>Creates and (unless <paramref name="start"/> is false) starts the timer.</summary>
    /// <param name="period">Time between expiries; positive and at most <see cref="TonicTimer.MaxDelay"/>.</param>
    /// <param name="name">Routes the expiry to <c>ttse__on_&lt;name&gt;</c> / <c>ttse__on_tmr_&lt;name&gt;</c> / <c>ttse__on_timer</c>.</param>
    /// <param name="sparkleBack">Called on the owner's catalyst instead of a routed handler.</param>
    /// <param name="owner">The owning tonic; default the tonic whose sparkle is running.</param>
    /// <param name="start">Start at once (default).</param>
    /// <param name="catchUp">What to do after missed periods; default <see cref="RepeatCatchUp.Skip"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive or exceeds <see cref="TonicTimer.MaxDelay"/>.</exception>
    public RepeatTimer(TimeSpan period, string? name = null, Action<TimerInfo>? sparkleBack = null, Tonic? owner = null, bool start = true,
        RepeatCatchUp catchUp = RepeatCatchUp.Skip)
        : base(name, sparkleBack, owner)
    {
        DelayArguments.Check(period, nameof(period));
        Period = period;
        CatchUp = catchUp;
        Attach();
        if (start)
        {
            Start();
        }
    }

    /// <summary>The time between expiries.</summary>
    public TimeSpan Period { get; private set; }

    /// <summary>The policy for missed periods.</summary>
    public RepeatCatchUp CatchUp { get; }

    /// <summary>Changes the period; the expiry already scheduled stays, the ones after it use the new period.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive or exceeds <see cref="TonicTimer.MaxDelay"/>.</exception>
    public RepeatTimer ChangePeriod(TimeSpan period)
    {
        DelayArguments.Check(period, nameof(period));
        Apply(null, () => Period = period);
        return this;
    }

    private protected override void StartCore() => Arm(FromNow(Period));

    private protected override void OnExpired(DateTimeOffset scheduled, DateTimeOffset now)
    {
        var missed = (int)Math.Min(int.MaxValue, Math.Max(0, (now - scheduled).Ticks / Period.Ticks));
        // Arm before raising, so a handler that stops or restarts the timer wins.
        var next = scheduled + (Period * (missed + 1));
        Arm(next);
        if (CatchUp == RepeatCatchUp.Skip)
        {
            Raise(scheduled, now, missed);
            return;
        }

        // A burst ends early when a handler stopped, restarted or finished the timer (its expiry is no longer ours).
        for (var i = 0; i <= missed && (i == 0 || Expiry == next); i++)
        {
            Raise(scheduled + (Period * i), now, 0);
        }
    }
}

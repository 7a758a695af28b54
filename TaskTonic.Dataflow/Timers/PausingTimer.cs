namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// A single-shot countdown that can be paused and resumed: <see cref="Pause"/> keeps the remaining time,
/// <see cref="Resume"/> continues from it. After it fires it is paused with nothing remaining; <see cref="Resume"/>
/// then starts a full period again.
/// </summary>
public sealed class PausingTimer : TonicTimer
{
    private TimeSpan _remaining;
    private bool _paused;

    /// <summary>Creates the timer; it runs at once unless <paramref name="startPaused"/>.</summary>
    /// <param name="period">The countdown; positive and at most <see cref="TonicTimer.MaxDelay"/>.</param>
    /// <param name="name">Routes the expiry to <c>ttse__on_&lt;name&gt;</c> / <c>ttse__on_tmr_&lt;name&gt;</c> / <c>ttse__on_timer</c>.</param>
    /// <param name="sparkleBack">Called on the owner's catalyst instead of a routed handler.</param>
    /// <param name="owner">The owning tonic; default the tonic whose sparkle is running.</param>
    /// <param name="startPaused">Create it paused with the full period remaining.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive or exceeds <see cref="TonicTimer.MaxDelay"/>.</exception>
    public PausingTimer(TimeSpan period, string? name = null, Action<TimerInfo>? sparkleBack = null, Tonic? owner = null, bool startPaused = false)
        : base(name, sparkleBack, owner)
    {
        DelayArguments.Check(period, nameof(period));
        Period = period;
        _remaining = period;
        Attach();
        if (startPaused)
        {
            _paused = true;
        }
        else
        {
            Start();
        }
    }

    /// <summary>The full countdown.</summary>
    public TimeSpan Period { get; private set; }

    /// <summary>True while paused.</summary>
    public bool IsPaused => _paused;

    /// <summary>The time left on the countdown (while paused, the frozen value).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var expiry = Expiry;
            if (_paused || expiry is null)
            {
                return _remaining;
            }

            var left = expiry.Value - Clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Pauses, keeping the remaining time. No-op when already paused.</summary>
    /// <exception cref="InvalidOperationException">The timer is finished.</exception>
    public PausingTimer Pause()
    {
        Apply("pause", () =>
        {
            ThrowIfFinished("pause");
            if (_paused)
            {
                return;
            }

            _remaining = Remaining;
            _paused = true;
            Disarm();
        });
        return this;
    }

    /// <summary>Resumes with the remaining time (a full period after it fired). No-op when not paused.</summary>
    /// <exception cref="InvalidOperationException">The timer is finished.</exception>
    public PausingTimer Resume()
    {
        Apply("resume", () =>
        {
            ThrowIfFinished("resume");
            if (!_paused)
            {
                return;
            }

            _paused = false;
            Arm(FromNow(_remaining > TimeSpan.Zero ? _remaining : Period));
        });
        return this;
    }

    /// <summary>Changes the full period; it applies at the next full countdown.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive or exceeds <see cref="TonicTimer.MaxDelay"/>.</exception>
    public PausingTimer ChangePeriod(TimeSpan period)
    {
        DelayArguments.Check(period, nameof(period));
        Apply(null, () => Period = period);
        return this;
    }

    private protected override void StartCore()
    {
        _paused = false;
        _remaining = Period;
        Arm(FromNow(Period));
    }

    private protected override void OnExpired(DateTimeOffset scheduled, DateTimeOffset now)
    {
        _paused = true;
        _remaining = TimeSpan.Zero;
        Raise(scheduled, now, 0);
    }
}

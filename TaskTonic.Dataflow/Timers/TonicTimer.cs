using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// A timer owned by a tonic: its expiries run as sparkles on the owner's catalyst (atomic and ordered with the
/// owner's other sparkles), and it finishes with its owner. The handler is found when the timer is created: an explicit
/// <c>sparkleBack</c>, else <c>ttse__on_&lt;name&gt;</c>, <c>ttse__on_tmr_&lt;name&gt;</c>, then <c>ttse__on_timer</c>.
/// Time comes from the ledger's <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Create timers inside a sparkle of the owner, or in the owner's constructor with <c>owner: this</c>. Start, Stop,
/// Restart (and Pause/Resume) act at once when called from the owner's sparkles; from anywhere else they are queued to
/// the owner's catalyst.
/// <para>
/// An expiry may lie any distance ahead (a relative delay up to <see cref="MaxDelay"/>; a calendar rule's next instant
/// at any distance). A <see cref="TimeProvider"/> timer waits at most 4,294,967,294 ms (about 49.7 days), so a longer
/// wait is armed in steps of that length: each step ends in a wake-up on the owner's catalyst that re-arms toward the
/// same expiry and runs no handler. The expiry itself, and so lateness and the no-drift schedule, is unchanged.
/// </para>
/// </remarks>
public abstract class TonicTimer
{
    /// <summary>A callback this much before the expiry counts as due (system timers can run a little early).</summary>
    private static readonly TimeSpan s_earlyTolerance = TimeSpan.FromMilliseconds(1);
    private static readonly TimerCallback s_callback = static state => ((TonicTimer)state!).OnCallback();

    /// <summary>The longest wait one <see cref="ITimer.Change"/> accepts; longer waits are armed in steps of it.</summary>
    private static readonly TimeSpan s_longestStep = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly int _sparkle;
    private readonly bool _takesInfo;
    private readonly Action<TimerInfo>? _sparkleBack;
    private ITimer? _timer;
    private DateTimeOffset _expiry;
    private volatile bool _running;
    private volatile bool _finished;

    /// <summary>
    /// Resolves the owner and the handler. The derived constructor validates its own arguments and then calls
    /// <see cref="Attach"/>, so a refused timer leaves nothing behind.
    /// </summary>
    private protected TonicTimer(string? name, Action<TimerInfo>? sparkleBack, Tonic? owner)
    {
        Owner = owner ?? Ambient.Tonic ?? throw new InvalidOperationException(
            $"A {GetType().Name} must be created inside a sparkle of its owner, or be given its owner (owner: this in a constructor).");
        if (Owner.IsFinishing)
        {
            throw new InvalidOperationException($"Cannot create a timer for {Owner.Name}: it is finishing.");
        }

        Id = Owner.Ledger.NextTimerId();
        Name = name ?? $"{Id:00}.{GetType().Name}";
        if (sparkleBack is null)
        {
            (_sparkle, _takesInfo) = TimerRouting.Resolve(Owner, name);
        }
        else
        {
            _sparkleBack = sparkleBack;
            _sparkle = SystemSparkle.TimerFired;
        }
    }

    /// <summary>
    /// The longest delay or period a relative timer (<see cref="SingleShotTimer"/>, <see cref="RepeatTimer"/>,
    /// <see cref="PausingTimer"/>) accepts: 36,525 days (100 years). A longer one, <see cref="TimeSpan.MaxValue"/>
    /// included, is refused with an <see cref="ArgumentOutOfRangeException"/> naming the parameter and this maximum.
    /// </summary>
    public static TimeSpan MaxDelay => DelayArguments.MaxDelay;

    /// <summary>The timer's id, unique per ledger.</summary>
    public int Id { get; }

    /// <summary>The timer's name (given, or <c>"NN.TypeName"</c>).</summary>
    public string Name { get; }

    /// <summary>The tonic whose catalyst runs the expiries.</summary>
    public Tonic Owner { get; }

    /// <summary>True while an expiry is scheduled.</summary>
    public bool IsRunning => _running;

    /// <summary>True once finished (single-shot fired, <see cref="Finish"/>, or the owner finished); it cannot start again.</summary>
    public bool IsFinished => _finished;

    /// <summary>The scheduled expiry, or null when not running.</summary>
    public DateTimeOffset? Expiry => _running ? _expiry : null;

    /// <summary>The ledger's clock.</summary>
    protected TimeProvider Clock => Owner.Ledger.TimeProvider;

    /// <summary>Starts the timer.</summary>
    /// <exception cref="InvalidOperationException">
    /// The timer is finished or already running. (Called from outside the owner's sparkles, the call is queued; a
    /// timer that is already finished is refused at once, one that is running is reported as a sparkle failure.)
    /// </exception>
    public TonicTimer Start() => Apply("start", () =>
    {
        ThrowIfFinished("start");
        if (_running)
        {
            throw new InvalidOperationException($"Timer '{Name}' is already running; use Restart to start it over.");
        }

        StartCore();
    });

    /// <summary>Stops the timer; a stopped timer can be started again. Idempotent.</summary>
    public TonicTimer Stop() => Apply(null, Disarm);

    /// <summary>Stops and starts again from now: the watchdog pattern.</summary>
    /// <exception cref="InvalidOperationException">The timer is finished.</exception>
    public TonicTimer Restart() => Apply("restart", () =>
    {
        ThrowIfFinished("restart");
        Disarm();
        StartCore();
    });

    /// <summary>Stops the timer for good and detaches it from its owner.</summary>
    public void Finish() => Apply(null, FinishCore);

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} '{Name}' of {Owner.Name}: {(_finished ? "finished" : _running ? $"expires {_expiry:u}" : "stopped")}";

    /// <summary>Registers the timer with its owner; the derived constructor calls it once its arguments are valid.</summary>
    /// <exception cref="InvalidOperationException">The owner began finishing meanwhile.</exception>
    private protected void Attach()
    {
        Owner.AttachTimer(this);
        if (Owner.IsFinishing)
        {
            // The owner's finish may already have finished its timers: this one would never be finished.
            Owner.DetachTimer(this);
            throw new InvalidOperationException($"Cannot create a timer for {Owner.Name}: it is finishing.");
        }
    }

    /// <summary>Schedules the first expiry from now.</summary>
    private protected abstract void StartCore();

    /// <summary>The scheduled expiry at <paramref name="scheduled"/> is due at <paramref name="now"/>: raise it and decide what follows.</summary>
    private protected abstract void OnExpired(DateTimeOffset scheduled, DateTimeOffset now);

    /// <summary>The instant <paramref name="delay"/> (at most <see cref="MaxDelay"/>) from now.</summary>
    /// <exception cref="InvalidOperationException">The clock is so close to <see cref="DateTimeOffset.MaxValue"/> that the instant does not exist.</exception>
    private protected DateTimeOffset FromNow(TimeSpan delay)
    {
        var now = Clock.GetUtcNow();
        return DateTimeOffset.MaxValue - now >= delay
            ? now + delay
            : throw new InvalidOperationException($"Timer '{Name}': {delay} from {now:u} lies beyond DateTimeOffset.MaxValue.");
    }

    /// <summary>Schedules <paramref name="expiry"/>; a wait longer than one system timer allows is armed in steps.</summary>
    private protected void Arm(DateTimeOffset expiry)
    {
        _expiry = expiry;
        _running = true;
        var delay = expiry - Clock.GetUtcNow();
        _timer ??= Clock.CreateTimer(s_callback, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay > s_longestStep ? s_longestStep : delay, Timeout.InfiniteTimeSpan);
    }

    private protected void Disarm()
    {
        _running = false;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private protected void Raise(DateTimeOffset scheduled, DateTimeOffset now, int missedTicks)
    {
        var info = new TimerInfo(Id, Name, scheduled, now, missedTicks);
        if (_sparkleBack is not null)
        {
            Owner.RunTimerCallback(_sparkleBack, info);
        }
        else
        {
            Owner.RunTimerSparkle(_sparkle, _takesInfo ? info : null);
        }
    }

    private protected void FinishCore()
    {
        if (_finished)
        {
            return;
        }

        Disarm();
        _finished = true;
        _timer?.Dispose();
        _timer = null;
        Owner.DetachTimer(this);
    }

    private protected void ThrowIfFinished(string action)
    {
        if (_finished)
        {
            throw new InvalidOperationException($"Cannot {action} timer '{Name}': it is finished.");
        }
    }

    /// <summary>Runs on the owner's catalyst for every callback of the system timer.</summary>
    internal void Fire()
    {
        if (!_running || _finished)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        if (now < _expiry - s_earlyTolerance)
        {
            // A step of a long wait ended (or the system timer ran early): arm the rest toward the same expiry.
            Arm(_expiry);
            return;
        }

        _running = false;
        Telemetry.TonicTelemetry.RecordTimerLateness(Owner, now - _expiry);
        OnExpired(_expiry, now);
    }

    /// <summary>
    /// Acts now on the owner's catalyst (or before the owner started); otherwise queues the action there. With a
    /// <paramref name="checkFinished"/> verb, a finished timer is refused at once, also when the call would be queued.
    /// </summary>
    private protected TonicTimer Apply(string? checkFinished, Action action)
    {
        if (checkFinished is not null)
        {
            ThrowIfFinished(checkFinished);
        }

        if (ReferenceEquals(Ambient.Tonic, Owner) || !Owner.HasStarted)
        {
            action();
        }
        else
        {
            Owner.PostCallback(_ => action());
        }

        return this;
    }

    /// <summary>
    /// The system timer elapsed (on any thread): queue the expiry to the owner, sourced from the owner's timer frame.
    /// A late callback of a stopped or finished timer is ignored here, so it is never reported as dropped work.
    /// </summary>
    private void OnCallback()
    {
        if (_running && !_finished)
        {
            Owner.Post(new WorkOrder(Owner, SystemSparkle.TimerFired, this, Owner, SystemSparkle.TimerFired));
        }
    }
}

using TaskTonic.Dataflow.Extensibility;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// A deterministic harness: it takes over every catalyst of a <see cref="Formula"/> and runs their work orders by hand,
/// one at a time on the calling thread, on a <see cref="VirtualClock"/>. By default it follows the global order in which
/// work orders were posted; a seeded schedule (see <see cref="Explore"/>) picks the next catalyst instead.
/// When nothing is queued it advances the clock to the next timer. Every sparkle is traced.
/// </summary>
/// <example>
/// <code>
/// var distiller = new Distiller();
/// distiller.Formula.AddStartingTonic(() => new SmartDoor());
/// var result = distiller.RunUntilState("locked");
/// </code>
/// </example>
public sealed partial class Distiller
{
    private readonly List<DistillerLoop> _loops = [];
    private readonly List<SparkleTrace> _trace = [];
    private readonly DistillerTracer _tracer;
    private readonly TraceSubject _subject = new();
    private readonly LoopScheduler _scheduler;
    private long _sequence;
    private long _steps;
    private int _published;
    private bool _started;

    /// <summary>Creates a distiller over a new formula with default settings and a <see cref="VirtualClock"/>.</summary>
    public Distiller()
        : this(new Formula(new FormulaOptions { TimeProvider = new VirtualClock() }))
    {
    }

    /// <summary>Creates a distiller over <paramref name="formula"/>, which must not have started.</summary>
    /// <remarks>The formula's ledger switches to the distiller's clock: its settings' provider if it is a <see cref="VirtualClock"/>, else a new one.</remarks>
    /// <exception cref="InvalidOperationException">The formula has started.</exception>
    public Distiller(Formula formula)
        : this(formula, new PostingOrderScheduler())
    {
    }

    /// <summary>
    /// Creates a distiller over <paramref name="formula"/> whose next catalyst is chosen by a seeded schedule:
    /// the same seed and options give the same run.
    /// </summary>
    /// <param name="formula">A formula that has not started.</param>
    /// <param name="schedule">The strategy and its parameters.</param>
    /// <param name="seed">The seed of the schedule's random choices.</param>
    /// <exception cref="InvalidOperationException">The formula has started.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Distiller(Formula formula, ExplorationOptions schedule, int seed)
        : this(formula, CreateScheduler(schedule, seed))
    {
    }

    private Distiller(Formula formula, LoopScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (formula.Status != FormulaStatus.Starting)
        {
            throw new InvalidOperationException("The distiller must take over a formula before it runs.");
        }

        Formula = formula;
        _scheduler = scheduler;
        Clock = formula.Ledger.TimeProvider as VirtualClock ?? new VirtualClock();
        _tracer = new DistillerTracer(this);
        TestKitHooks.TakeOver(formula, Clock, CreateLoop, _tracer);
    }

    /// <summary>The formula being driven.</summary>
    public Formula Formula { get; }

    /// <summary>The formula's ledger.</summary>
    public Ledger Ledger => Formula.Ledger;

    /// <summary>The virtual clock of every timer in the formula.</summary>
    public VirtualClock Clock { get; }

    /// <summary>
    /// The clock that measures <see cref="SparkleTrace.WallDuration"/>. The default is <see cref="TimeProvider.System"/>;
    /// a test of the "giant sparkle" check can pass a fake one.
    /// </summary>
    public TimeProvider WallClock { get; set; } = TimeProvider.System;

    /// <summary>Every sparkle traced so far, in order.</summary>
    public IReadOnlyList<SparkleTrace> Trace => _trace;

    /// <summary>
    /// The trace as it grows: every entry is pushed, in trace order, once the work order that ran it has returned.
    /// Completes when the main catalyst has completed. Observers run on the thread that runs the distiller (<see cref="RunUntilIdle"/> and the other run methods).
    /// </summary>
    public IObservable<SparkleTrace> TraceStream => _subject;

    /// <summary>The number of work orders run so far, over all run calls.</summary>
    public long Steps => _steps;

    /// <summary>The default virtual time-out of the run methods (<see cref="RunUntilIdle"/> and the others): one hour.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromHours(1);

    /// <summary>The contract of the running <see cref="RunUntil(Contract, TimeSpan?)"/> call (its probes are traced).</summary>
    internal Contract? ActiveContract { get; private set; }

    /// <summary>While replaying: decides which posted work orders reach the queues (false suppresses one).</summary>
    internal Func<WorkOrderInfo, bool>? PostFilter { get; set; }

    internal List<SparkleTrace> TraceList => _trace;

    /// <summary>Creates the main catalyst and the starting tonics (queued, not run). Called by the first run.</summary>
    public void Start()
    {
        if (!_started)
        {
            _started = true;
            TestKitHooks.Start(Formula);
        }
    }

    /// <summary>Creates tonics from test code (a spawn scope); see <see cref="Ledger.Spawn{T}"/>. Starts the formula first.</summary>
    public T Spawn<T>(Func<T> factory, Tonic? parent = null)
        where T : Tonic
    {
        Start();
        return Ledger.Spawn(factory, parent);
    }

    /// <summary>The states <paramref name="tonic"/> entered under this distiller, in order; <c>--</c> stands for no state.</summary>
    public IReadOnlyList<string> StateHistory(Tonic tonic)
    {
        ArgumentNullException.ThrowIfNull(tonic);
        return _tracer.StateHistory(tonic);
    }

    /// <summary>
    /// Runs work orders until nothing is queued and no timer is pending, the main catalyst completed, or the virtual
    /// <paramref name="timeout"/> passed. Pending timers fire in due order, the clock jumping to each; a timer due after
    /// the time-out is not fired: the clock stops at the time-out.
    /// </summary>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>. <see cref="TimeSpan.Zero"/> runs only what is queued now.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public DistillerResult RunUntilIdle(TimeSpan? timeout = null) => RunCore(null, timeout, null, null, null, null);

    /// <summary>Runs at most <paramref name="count"/> work orders; it stops earlier when idle, finished or out of time (see <see cref="RunUntilIdle"/>).</summary>
    /// <param name="count">Stop after this many work orders (0 runs nothing).</param>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="timeout"/> is negative.</exception>
    public DistillerResult Run(int count, TimeSpan? timeout = null) => RunCore(count, timeout, null, null, null, null);

    /// <summary>
    /// Runs work orders until <paramref name="condition"/> returns true (checked after every work order), or idle,
    /// finished or out of time (see <see cref="RunUntilIdle"/>).
    /// </summary>
    /// <param name="condition">Checked on the calling thread after every work order.</param>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public DistillerResult RunUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return RunCore(null, timeout, null, null, condition, null);
    }

    /// <summary>
    /// Runs work orders until the tonic that just ran is in a state named <paramref name="state"/>, or idle, finished or
    /// out of time (see <see cref="RunUntilIdle"/>).
    /// </summary>
    /// <param name="state">The state's name as declared (<c>locked</c>).</param>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The run did not reach <paramref name="state"/>, and no tonic of the run (live, or seen in the trace) has a state
    /// with that name: a misspelt state. The message lists the known states.
    /// </exception>
    public DistillerResult RunUntilState(string state, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return RunCore(null, timeout, state, null, null, null);
    }

    /// <summary>
    /// Runs work orders until a sparkle with this TaskTonic name (<c>ttsc__add</c>) or handler name
    /// (<c>ttsc_open__add</c>) has run, or idle, finished or out of time (see <see cref="RunUntilIdle"/>).
    /// </summary>
    /// <param name="sparkle">The sparkle's TaskTonic name or the name of the handler that ran.</param>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sparkle"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public DistillerResult RunUntilSparkle(string sparkle, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(sparkle);
        return RunCore(null, timeout, null, sparkle, null, null);
    }

    /// <summary>
    /// Runs work orders until enough of the contract's tonics match their conditions, or idle, finished or out of time
    /// (see <see cref="RunUntilIdle"/>). The contract's probes are traced; <see cref="DistillerResult.Contract"/> says
    /// which tonics matched and why.
    /// </summary>
    /// <param name="contract">The tonics and conditions to wait for.</param>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contract"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public DistillerResult RunUntil(Contract contract, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return RunCore(null, timeout, null, null, null, contract);
    }

    /// <summary>Runs work orders until a stop condition holds; conditions are checked after every work order.</summary>
    private DistillerResult RunCore(int? count, TimeSpan? timeout, string? state, string? sparkle, Func<bool>? condition, Contract? contract)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be zero or more.");
        }

        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "timeout must be zero or more.");
        }

        Start();
        var started = Clock.GetUtcNow();
        var deadline = started + (timeout ?? DefaultTimeout);
        var firstTrace = _trace.Count;
        var ran = 0;
        var reasons = StopReasons.None;
        ContractDetails? details = null;
        ActiveContract = contract;
        try
        {
            while (reasons == StopReasons.None)
            {
                if (count is { } limit && ran >= limit)
                {
                    reasons |= StopReasons.Count;
                    break;
                }

                var next = _scheduler.Pick(_loops, _steps);
                if (next is null)
                {
                    reasons |= Idle(deadline);
                    continue;
                }

                var traceBefore = _trace.Count;
                RunOne(next);
                ran++;
                reasons |= Check(traceBefore, state, sparkle, condition);
                if (contract is not null)
                {
                    details = contract.Evaluate(this, traceBefore);
                    if (details.IsMet)
                    {
                        reasons |= StopReasons.Contract;
                    }
                }

                if (Clock.GetUtcNow() > deadline)
                {
                    reasons |= StopReasons.Timeout;
                }
            }
        }
        finally
        {
            ActiveContract = null;
        }

        if ((reasons & StopReasons.CatalystFinished) != 0)
        {
            _subject.Complete();
        }

        if (state is not null && (reasons & StopReasons.State) == 0)
        {
            ThrowIfUnknownState(state);
        }

        return new DistillerResult(reasons, ran, _trace.GetRange(firstTrace, _trace.Count - firstTrace), started, Clock.GetUtcNow(), details);
    }

    private static LoopScheduler CreateScheduler(ExplorationOptions schedule, int seed)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        schedule.Validate();
        return LoopScheduler.Create(schedule, seed);
    }

    /// <summary>The live tonic with this name, else the last tonic with this name the trace saw, or null.</summary>
    internal Tonic? FindTraced(string name) => Ledger.Find(name) ?? _tracer.Find(name);

    private StopReasons Idle(DateTimeOffset deadline)
    {
        if (Formula.MainCatalyst is { IsCompleted: true })
        {
            return StopReasons.CatalystFinished;
        }

        if (Clock.NextDue is { } due && due <= deadline)
        {
            Clock.FireNext(deadline);
            return StopReasons.None;
        }

        if (Clock.NextDue is not null)
        {
            Clock.AdvanceTo(deadline);
            return StopReasons.Timeout;
        }

        return StopReasons.Idle;
    }

    private void RunOne(DistillerLoop loop)
    {
        _tracer.BeginWorkOrder(loop.TakeHeadSource());
        loop.RunOne();
        _steps++;
        Publish();
    }

    private void Publish()
    {
        while (_published < _trace.Count)
        {
            _subject.Next(_trace[_published++]);
        }
    }

    private StopReasons Check(int traceFrom, string? untilState, string? untilSparkle, Func<bool>? until)
    {
        var reasons = StopReasons.None;
        for (var i = traceFrom; i < _trace.Count; i++)
        {
            if (untilSparkle is not null && _trace[i].IsNamed(untilSparkle))
            {
                reasons |= StopReasons.Sparkle;
            }
        }

        if (untilState is not null && traceFrom < _trace.Count && _trace[traceFrom].Tonic.StateName == untilState)
        {
            reasons |= StopReasons.State;
        }

        if (until is not null && until())
        {
            reasons |= StopReasons.Condition;
        }

        return reasons;
    }

    private ManualCatalystLoop CreateLoop(Catalyst catalyst)
    {
        var loop = new DistillerLoop(this, catalyst, _loops.Count, NextSequence);
        _loops.Add(loop);
        _scheduler.Added(loop);
        return loop.Manual;
    }

    /// <summary>Numbers a post (under the target loop's lock) and remembers which traced sparkle posted it.</summary>
    private long NextSequence(DistillerLoop loop)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        loop.RememberSource(sequence, _tracer.CurrentIndex);
        return sequence;
    }
}

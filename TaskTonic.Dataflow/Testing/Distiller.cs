using System.Diagnostics;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// A deterministic harness: it takes over every catalyst of a <see cref="Formula"/> and runs their work orders by hand,
/// one at a time on the calling thread, in the global order they were posted, on a <see cref="VirtualClock"/>.
/// When nothing is queued it advances the clock to the next timer. Every sparkle is traced.
/// </summary>
/// <example>
/// <code>
/// var distiller = new Distiller();
/// distiller.Formula.AddStartingTonic(() => new SmartDoor());
/// var result = distiller.Sparkle(untilState: "locked");
/// </code>
/// </example>
public sealed class Distiller
{
    private readonly List<ManualCatalystLoop> _loops = [];
    private readonly List<SparkleTrace> _trace = [];
    private readonly Tracer _tracer;
    private long _sequence;
    private bool _started;

    /// <summary>Creates a distiller over a new formula with default settings and a <see cref="VirtualClock"/>.</summary>
    public Distiller()
        : this(new Formula(new FormulaSettings { TimeProvider = new VirtualClock() }))
    {
    }

    /// <summary>Creates a distiller over <paramref name="formula"/>, which must not have started.</summary>
    /// <remarks>The formula's ledger switches to the distiller's clock: its settings' provider if it is a <see cref="VirtualClock"/>, else a new one.</remarks>
    public Distiller(Formula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (formula.Status != FormulaStatus.Starting)
        {
            throw new InvalidOperationException("The distiller must take over a formula before it runs.");
        }

        Formula = formula;
        Clock = formula.Ledger.TimeProvider as VirtualClock ?? new VirtualClock();
        Ledger.TimeProvider = Clock;
        Ledger.LoopFactory = CreateLoop;
        _tracer = new Tracer(this);
        Ledger.Observer = _tracer;
    }

    /// <summary>The formula being driven.</summary>
    public Formula Formula { get; }

    /// <summary>The formula's ledger.</summary>
    public Ledger Ledger => Formula.Ledger;

    /// <summary>The virtual clock of every timer in the formula.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Every sparkle traced so far, in order.</summary>
    public IReadOnlyList<SparkleTrace> Trace => _trace;

    /// <summary>The default virtual time-out of <see cref="Sparkle"/>: one hour.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromHours(1);

    /// <summary>Creates the main catalyst and the starting tonics (queued, not run). Called by the first <see cref="Sparkle"/>.</summary>
    public void Start()
    {
        if (!_started)
        {
            _started = true;
            Formula.Start();
        }
    }

    /// <summary>Creates tonics from test code (a spawn scope); see <see cref="Ledger.Spawn{T}"/>. Starts the formula first.</summary>
    public T Spawn<T>(Func<T> factory, Tonic? @base = null)
        where T : Tonic
    {
        Start();
        return Ledger.Spawn(factory, @base);
    }

    /// <summary>
    /// Runs work orders until a stop condition holds. Conditions are checked after every work order; with none
    /// given it runs until nothing is queued and no timer is pending, the main catalyst completed, or the time-out.
    /// </summary>
    /// <param name="count">Stop after this many work orders (0 runs nothing).</param>
    /// <param name="timeout">Virtual time budget; default <see cref="DefaultTimeout"/>.</param>
    /// <param name="untilState">Stop once the tonic that just ran is in a state with this name.</param>
    /// <param name="untilSparkle">Stop once a sparkle with this TaskTonic name or entry point name has run.</param>
    /// <param name="until">Stop once this returns true.</param>
    public DistillerResult Sparkle(int? count = null, TimeSpan? timeout = null, string? untilState = null, string? untilSparkle = null,
        Func<bool>? until = null)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be zero or more.");
        }

        Start();
        var started = Clock.GetUtcNow();
        var deadline = started + (timeout ?? DefaultTimeout);
        var firstTrace = _trace.Count;
        var ran = 0;
        var reasons = StopReasons.None;
        while (reasons == StopReasons.None)
        {
            if (count is { } limit && ran >= limit)
            {
                reasons |= StopReasons.Count;
                break;
            }

            var next = NextLoop();
            if (next is null)
            {
                if (Formula.MainCatalyst is { IsCompleted: true })
                {
                    reasons |= StopReasons.CatalystFinished;
                }
                else if (Clock.NextDue is { } due && due <= deadline)
                {
                    Clock.FireNext(deadline);
                }
                else
                {
                    if (Clock.NextDue is not null)
                    {
                        Clock.AdvanceTo(deadline);
                        reasons |= StopReasons.Timeout;
                    }
                    else
                    {
                        reasons |= StopReasons.Idle;
                    }
                }

                continue;
            }

            var traceBefore = _trace.Count;
            next.RunOne();
            ran++;
            reasons |= Check(traceBefore, untilState, untilSparkle, until);
            if (Clock.GetUtcNow() > deadline)
            {
                reasons |= StopReasons.Timeout;
            }
        }

        return new DistillerResult(reasons, ran, _trace.GetRange(firstTrace, _trace.Count - firstTrace), started, Clock.GetUtcNow());
    }

    private StopReasons Check(int traceFrom, string? untilState, string? untilSparkle, Func<bool>? until)
    {
        var reasons = StopReasons.None;
        for (var i = traceFrom; i < _trace.Count; i++)
        {
            var entry = _trace[i];
            if (untilSparkle is not null && (entry.Sparkle == untilSparkle || EntryPointOf(entry) == untilSparkle))
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

    private static string? EntryPointOf(SparkleTrace entry)
    {
        var id = entry.Tonic.Descriptor.FindSparkle(entry.Sparkle);
        return id >= 0 ? entry.Tonic.Descriptor.Sparkles[id].EntryPoint : null;
    }

    /// <summary>The loop whose head was posted first: the global posting order.</summary>
    private ManualCatalystLoop? NextLoop()
    {
        ManualCatalystLoop? best = null;
        long bestSequence = long.MaxValue;
        foreach (var loop in _loops)
        {
            if (loop.PeekSequence() is { } sequence && sequence < bestSequence)
            {
                best = loop;
                bestSequence = sequence;
            }
        }

        return best;
    }

    private ManualCatalystLoop CreateLoop(Catalyst catalyst, TaskScheduler? scheduler)
    {
        var loop = new ManualCatalystLoop(catalyst, () => Interlocked.Increment(ref _sequence));
        _loops.Add(loop);
        return loop;
    }

    /// <summary>Turns the runtime's observer calls into trace entries.</summary>
    private sealed class Tracer(Distiller owner) : ISparkleObserver
    {
        private readonly Stack<(SparkleTrace Entry, long Started)> _open = new();

        public void Entering(Tonic tonic, int sparkle, in WorkOrder order)
        {
            var isSystem = order.Kind == WorkOrderKind.System && sparkle < 0;
            var entry = new SparkleTrace(owner._trace.Count, tonic, Tonic.NameOfSparkle(tonic, sparkle), isSystem, _open.Count,
                ReferenceEquals(order.Target, tonic) && order.Sparkle == sparkle ? order.Args : null,
                Tonic.SourceOf(order.Source, order.SourceSparkle), owner.Clock.GetUtcNow(), tonic.StateName);
            owner._trace.Add(entry);
            _open.Push((entry, Stopwatch.GetTimestamp()));
        }

        public void Exited(Tonic tonic, int sparkle, Exception? failure)
        {
            var (entry, started) = _open.Pop();
            entry.ExitedAt = owner.Clock.GetUtcNow();
            entry.StateAtExit = tonic.StateName;
            entry.WallDuration = Stopwatch.GetElapsedTime(started);
            entry.Failure = failure;
        }

        public void StateChanged(Tonic tonic, int oldState, int newState)
        {
        }
    }
}

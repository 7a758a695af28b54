using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

/// <summary>
/// The registry of one running application: every live tonic by id and name, the main catalyst, the clock, the
/// logger factory, and the counters and events for failures and dropped work. One ledger per <see cref="Formula"/>;
/// never process-wide, so several formulas run side by side.
/// </summary>
[System.Diagnostics.DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class Ledger
{
    private readonly Lock _gate = new();
    private Store? _store;
    private readonly List<Tonic?> _slots = [];
    private readonly PriorityQueue<int, int> _free = new(); // lowest free id first; array-backed, no node per id
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reservations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, ILogger> _loggers = new();
    private int _timerIds;
    private bool _shuttingDown;

    internal Ledger(FormulaOptions settings)
    {
        Settings = settings;
        TimeProvider = settings.TimeProvider;
        DeadLetters = new DeadLetters.DeadLetterSink(this);
        Supervision = new Supervision.SupervisionMonitor(this);
        Services = new Services.ServiceDirectory(this);
    }

    /// <summary>
    /// Every dropped or failed work order, observable and counted per reason: the one place to observe work that did
    /// not run to completion (also exported on the meter, see <see cref="Telemetry.TonicTelemetry.Instruments.DeadLettered"/>).
    /// </summary>
    public DeadLetters.DeadLetterSink DeadLetters { get; }

    /// <summary>Supervision decisions (observable, counted), the failure that escalated past a root, supervised spawning.</summary>
    public Supervision.SupervisionMonitor Supervision { get; }

    /// <summary>The named singleton services of this ledger.</summary>
    public Services.ServiceDirectory Services { get; }

    /// <summary>The settings the formula was built with.</summary>
    public FormulaOptions Settings { get; }

    /// <summary>
    /// The store this ledger owns: application state, and the formula's settings under <c>formula/</c>
    /// (<c>formula/project_name</c>, <c>formula/main_catalyst_name</c>, <c>formula/default_log_mode</c>, and every
    /// <see cref="FormulaOptions.Values"/> entry at <c>formula/&lt;key&gt;</c>). Created on first use; the settings are
    /// writable at run time like any store value (subscribe to <c>formula</c> to react); the runtime itself read them at
    /// start-up.
    /// </summary>
    public Store Store => Volatile.Read(ref _store) ?? CreateStore();

    /// <summary>The clock of every timer and time-out of this ledger.</summary>
    public TimeProvider TimeProvider { get; internal set; }

    /// <summary>The main catalyst, once the formula created it.</summary>
    public Catalyst? MainCatalyst { get; internal set; }

    /// <summary>The number of live tonics (catalysts included).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count - _free.Count - _reservations.Count;
            }
        }
    }

    /// <summary>
    /// Work orders dropped so far: the <see cref="DeadLetters"/> of every reason but <see cref="DeadLetterReason.Failed"/>
    /// (sent to a finishing or completed tonic, to a completed catalyst, to a full mailbox, to an unknown address…).
    /// </summary>
    public long DroppedCount => DeadLetters.Count - DeadLetters.CountOf(DeadLetterReason.Failed);

    /// <summary>Sparkles that threw so far: the <see cref="DeadLetters"/> with <see cref="DeadLetterReason.Failed"/>.</summary>
    public long FailureCount => DeadLetters.CountOf(DeadLetterReason.Failed);

    internal Extensibility.SparkleObserver? Observer { get; set; }

    internal Func<Catalyst, TaskScheduler?, CatalystLoop>? LoopFactory { get; set; }

    /// <summary>The live tonic with this id, or null.</summary>
    public Tonic? Find(int id)
    {
        lock (_gate)
        {
            return id >= 0 && id < _slots.Count ? _slots[id] : null;
        }
    }

    /// <summary>The live tonic with this name (given or default <c>"NN.TypeName"</c>), or null.</summary>
    public Tonic? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            if (_byName.TryGetValue(name, out var id))
            {
                return _slots[id];
            }
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && int.TryParse(name.AsSpan(0, dot), out var defaultId) && Find(defaultId) is { HasExplicitName: false } tonic
            && tonic.Name == name)
        {
            return tonic;
        }

        return null;
    }

    /// <summary>The live tonics, ordered by id.</summary>
    public IReadOnlyList<Tonic> Snapshot()
    {
        lock (_gate)
        {
            return [.. _slots.OfType<Tonic>()];
        }
    }

    /// <summary>
    /// Reserves an id for a name: the tonic later created with that name receives it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is taken or already reserved.</exception>
    public int Reserve(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            if (_byName.ContainsKey(name) || _reservations.ContainsKey(name))
            {
                throw new InvalidOperationException($"The name '{name}' is already registered or reserved.");
            }

            var id = TakeId();
            _reservations[name] = id;
            return id;
        }
    }

    /// <summary>
    /// Runs <paramref name="factory"/> in a spawn scope, so the tonics it creates have this ledger and
    /// <paramref name="parent"/> (null: they are roots bound to the main catalyst). Their starts are queued when the
    /// scope ends. This is how code outside any sparkle (tests, hosts) creates tonics. When the factory throws (a
    /// constructor failed), every tonic it registered is undone, so it leaves no entry, binding or start behind, and the
    /// exception propagates.
    /// </summary>
    public T Spawn<T>(Func<T> factory, Tonic? parent = null)
        where T : Tonic
    {
        ArgumentNullException.ThrowIfNull(factory);
        var frame = Ambient.Enter(this, parent, SystemSparkle.Spawn, null, SystemSparkle.None);
        try
        {
            return ConstructionLog.Build(factory);
        }
        finally
        {
            Ambient.Exit(frame);
        }
    }

    /// <summary>
    /// Finishes every root: the main catalyst with its whole tree, and the tonics and catalysts created without a base
    /// (<see cref="Spawn{T}(Func{T}, Tonic?)"/> with no base). A root created afterwards finishes right after its start.
    /// Does nothing before the formula created the main catalyst. Callable from anywhere.
    /// </summary>
    public void Shutdown()
    {
        if (MainCatalyst is null)
        {
            return;
        }

        List<Tonic> roots;
        lock (_gate)
        {
            _shuttingDown = true;
            roots = [.. _slots.OfType<Tonic>().Where(t => t.Parent is null)];
        }

        foreach (var root in roots)
        {
            root.RequestFinish();
        }
    }

    internal int NextTimerId() => Interlocked.Increment(ref _timerIds);

    /// <param name="tonic">The tonic being built.</param>
    /// <param name="name">Its explicit name, or null.</param>
    /// <param name="isRoot">True when it has no base.</param>
    /// <param name="finishAtOnce">True for a root registered after <see cref="Shutdown"/>: it must finish after its start.</param>
    internal int Register(Tonic tonic, string? name, bool isRoot, out bool finishAtOnce)
    {
        lock (_gate)
        {
            finishAtOnce = isRoot && _shuttingDown;
            int id;
            if (name is not null && _reservations.Remove(name, out var reserved))
            {
                id = reserved;
            }
            else
            {
                if (name is not null && _byName.TryGetValue(name, out var existing))
                {
                    throw new InvalidOperationException(
                        $"A tonic named '{name}' is already registered (id {existing}); names are unique among live tonics.");
                }

                id = TakeId();
            }

            _slots[id] = tonic;
            if (name is not null)
            {
                _byName[name] = id;
            }

            return id;
        }
    }

    internal void Unregister(Tonic tonic)
    {
        lock (_gate)
        {
            if (tonic.Id < _slots.Count && ReferenceEquals(_slots[tonic.Id], tonic))
            {
                _slots[tonic.Id] = null;
                _free.Enqueue(tonic.Id, tonic.Id);
            }

            if (tonic.HasExplicitName && _byName.TryGetValue(tonic.Name, out var id) && id == tonic.Id)
            {
                _byName.Remove(tonic.Name);
            }
        }
    }

    /// <summary>A supervisor restarted <paramref name="old"/>: the fresh instance takes its slot (id and name stay).</summary>
    internal void Replace(Tonic old, Tonic replacement)
    {
        lock (_gate)
        {
            if (old.Id < _slots.Count && ReferenceEquals(_slots[old.Id], old))
            {
                _slots[old.Id] = replacement;
            }
        }
    }

    internal CatalystLoop CreateLoop(Catalyst catalyst, TaskScheduler? scheduler, Func<Catalyst, CatalystLoop>? custom) =>
        LoopFactory?.Invoke(catalyst, scheduler) ?? custom?.Invoke(catalyst) ?? new DataflowCatalystLoop(catalyst.Execute, scheduler);

    internal void ReportDrop(in WorkOrder traced, DeadLetterReason reason)
    {
        var order = Telemetry.TracedArguments.Unwrap(traced, out _);
        DeadLetters.OnDropped(order, reason);
    }

    /// <summary>A sparkle threw: logged (always; filter the tonic's log category to silence it) and published as a dead letter.</summary>
    internal void ReportFailure(SparkleFailure failure, object? arguments = null)
    {
        RuntimeLog.SparkleFailed(GetLogger(failure.Tonic.GetType()), failure.Exception, failure.ToString());
        DeadLetters.OnFailed(failure, arguments);
    }

    internal ILogger GetLogger(Type type) =>
        _loggers.GetOrAdd(type, static (t, factory) => factory.CreateLogger(t.FullName ?? t.Name), Settings.LoggerFactory);

    private int TakeId()
    {
        if (_free.TryDequeue(out var id, out _))
        {
            return id;
        }

        _slots.Add(null);
        return _slots.Count - 1;
    }

    /// <summary>What the debugger shows: read without the lock (a paused thread may hold it), so the count is approximate.</summary>
    private string DebuggerDisplay =>
        $"Ledger tonics={_slots.Count - _free.Count - _reservations.Count} dead-letters={DeadLetters.Count} main={MainCatalyst?.Name}";

    private Store CreateStore()
    {
        Interlocked.CompareExchange(ref _store, LedgerStore.Create(Settings), null);
        return _store!;
    }
}

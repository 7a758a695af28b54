using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

/// <summary>
/// Runs work orders one at a time: an <c>ActionBlock</c> with a degree of parallelism of one. Every tonic is bound
/// to one catalyst, so its sparkles never run concurrently with each other. A catalyst is itself a tonic; it
/// completes when no tonic is bound to it any more (or when it is finished) and all its infusions completed.
/// </summary>
/// <remarks>
/// Create the main catalyst in <see cref="Formula"/>; create more inside a sparkle to partition work: a tonic
/// binds to its base's catalyst unless <see cref="TonicOptions.Catalyst"/> names another.
/// </remarks>
public partial class Catalyst : Tonic
{
    private readonly CatalystLoop _loop;
    private readonly DedicatedThreadScheduler? _dedicated;
    private readonly FrameContext _context;
    private int _bound;
    private long _executed;

    /// <summary>Creates a catalyst on the thread pool.</summary>
    public Catalyst()
        : this((CatalystOptions?)null)
    {
    }

    /// <summary>Creates a catalyst with the given options.</summary>
    public Catalyst(CatalystOptions? options)
        : base(options?.Name, options?.Parent, null, options?.LogMode)
    {
        Threading = options?.TaskScheduler is null ? options?.Threading ?? CatalystThreading.ThreadPool : CatalystThreading.ThreadPool;
        var scheduler = options?.TaskScheduler;
        if (scheduler is null && Threading == CatalystThreading.DedicatedThread)
        {
            _dedicated = new DedicatedThreadScheduler(Name);
            scheduler = _dedicated;
        }
        else if (scheduler is null && Threading == CatalystThreading.SynchronizationContext)
        {
            var context = options?.SynchronizationContext ?? SynchronizationContext.Current ?? throw new InvalidOperationException(
                $"Catalyst {Name} should run on a SynchronizationContext, but none was given and the creating thread has none.");
            scheduler = new SynchronizationContextScheduler(context);
        }

        _context = new FrameContext(Ledger, this);
        _loop = Ledger.CreateLoop(this, scheduler, options?.Loop);
        Telemetry.TelemetryRegistry.Track(this);
    }

    /// <summary>Where this catalyst runs its work orders.</summary>
    public CatalystThreading Threading { get; }

    /// <summary>The number of tonics (other than itself) bound to this catalyst.</summary>
    public int BoundTonicCount => Volatile.Read(ref _bound);

    /// <summary>The number of work orders waiting in this catalyst's queue.</summary>
    public int QueuedWorkOrders => _loop.QueuedCount;

    /// <summary>The number of work orders this catalyst has executed (forwarded ones included).</summary>
    public long ExecutedWorkOrders => Volatile.Read(ref _executed);

    /// <summary>True when this is its ledger's main catalyst.</summary>
    public bool IsMain => ReferenceEquals(Ledger.MainCatalyst, this);

    internal bool Enqueue(in WorkOrder order) => _loop.Post(order);

    internal void Bind() => Interlocked.Increment(ref _bound);

    /// <summary>Runs one work order with the sparkle context set. Never throws: a failure must not fault the block.</summary>
    internal void Execute(WorkOrder order)
    {
        _executed++; // one writer (this catalyst's loop); read by the telemetry's observable counter
        if (Telemetry.TonicTelemetry.Observed)
        {
            ExecuteObserved(order);
            return;
        }

        ExecuteCore(order);
    }

    private void ExecuteCore(WorkOrder order)
    {
        var target = order.Target;
        System.Diagnostics.Debug.Assert(target is not null, "A work order always has a target tonic.");
        if (!ReferenceEquals(target.Catalyst, this))
        {
            // The tonic moved to another catalyst while this order waited here: hand it on, in queue order.
            target.Forward(order);
            return;
        }

        // A catalyst reuses one context; a nested run (a message loop pumped inside a sparkle) gets its own.
        var context = _context.InUse ? new FrameContext(Ledger, this) : _context;
        context.Begin(target, order.Sparkle, order.Source, order.SourceSparkle);
        var frame = Ambient.Enter(context);
        try
        {
            target.Run(order);
        }
        catch (Exception ex)
        {
            Ledger.ReportFailure(new SparkleFailure(target, NameOfSparkle(target, order.Sparkle), target.StateName,
                SourceOf(order.Source, order.SourceSparkle), ex));
        }
        finally
        {
            Ambient.Exit(frame);
        }
    }

    internal override bool IsCatalyst => true;

    private protected override bool IsHeldOpen => BoundTonicCount > 0;

    private protected override void OnCellStarted() => CheckAutoFinish();

    private protected override void OnInfusionGone() => CheckAutoFinish();

    private protected override void ReleaseCell() => CompleteLoop();

    private protected override void AbandonCell() => AbandonLoop();

    /// <summary>
    /// A tonic bound here completed or moved away. The count drops at once; only when it reaches zero is the catalyst's
    /// own check queued (a catalyst with many tonics does not run a work order for each one leaving).
    /// </summary>
    internal void Unbind()
    {
        var bound = Interlocked.Decrement(ref _bound);
        System.Diagnostics.Debug.Assert(bound >= 0, "A catalyst's bound count never drops below zero.");
        if (bound == 0)
        {
            PostSystem(SystemSparkle.TonicLeft);
        }
    }

    /// <summary>On this catalyst, after its bound count reached zero: complete when finishing, else maybe auto-finish.</summary>
    private protected override void OnBoundTonicsLeft()
    {
        if (IsFinishing)
        {
            TryComplete();
        }
        else if (BoundTonicCount == 0)
        {
            // A worker catalyst finishes when its last tonic leaves; the main one also waits for its infusions.
            if (!IsMain || !HasLiveNonCatalystInfusion())
            {
                FinishNow();
            }
        }
    }

    /// <summary>The main catalyst finishes once nothing is bound to it and no non-catalyst infusion is alive.</summary>
    internal void CheckAutoFinish()
    {
        if (IsMain && !IsFinishing && BoundTonicCount == 0 && !HasLiveNonCatalystInfusion())
        {
            FinishNow();
        }
    }

    internal void CompleteLoop()
    {
        _loop.Complete();
        _loop.Completion.ContinueWith(static (_, state) =>
            {
                var catalyst = (Catalyst)state!;
                catalyst._dedicated?.Complete();
                catalyst.SignalCompletion();
            }, this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The catalyst's construction failed: stop its loop (and thread), if it got that far.</summary>
    internal void AbandonLoop()
    {
        if (_loop is null)
        {
            _dedicated?.Complete();
            SignalCompletion();
            return;
        }

        CompleteLoop();
    }

    private void FinishNow() =>
        RunFinish(new WorkOrder(this, SystemSparkle.Finish, null, this, SystemSparkle.TonicLeft));
}

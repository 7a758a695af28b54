using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Sparkles;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    private volatile Phase _phase;
    private InfusionList? _infusions;
    private TaskCompletionSource? _completion;
    private volatile bool _completionSignalled;

    private protected enum Phase
    {
        Created,
        Started,
        Finishing,
        Completed,

        /// <summary>A supervisor holds the work of this failed incarnation, or replaced it (it then forwards to the live one).</summary>
        Suspended,
    }

    /// <summary>True once the tonic's <c>ttse__on_start</c> has run (or is running).</summary>
    public bool HasStarted => Live._phase >= Phase.Started && !Live._abandoned;

    /// <summary>True once the tonic's finish has begun: user sparkles are dropped from then on.</summary>
    public bool IsFinishing => Live._phase is Phase.Finishing or Phase.Completed;

    /// <summary>True once the tonic and all its infusions have completed and it left the ledger.</summary>
    public bool IsCompleted => Live._phase == Phase.Completed;

    /// <summary>Completes when the tonic has completed: it finished, all its infusions completed, and it left the ledger.</summary>
    public Task Completion
    {
        get
        {
            var live = Live;
            if (!ReferenceEquals(live, this))
            {
                return live.Completion;
            }

            var tcs = Volatile.Read(ref _completion);
            if (tcs is null)
            {
                var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                tcs = Interlocked.CompareExchange(ref _completion, created, null) ?? created;
            }

            if (_completionSignalled)
            {
                tcs.TrySetResult();
            }

            return tcs.Task;
        }
    }

    /// <summary>A snapshot of the tonic's live infusions (the children created in its sparkles).</summary>
    public IReadOnlyList<Tonic> Infusions
    {
        get
        {
            return Volatile.Read(ref _infusions)?.Snapshot() ?? [];
        }
    }

    /// <summary>This tonic's slot among its base's infusions (kept by the base's <see cref="InfusionList"/>).</summary>
    internal int InfusionSlot { get; set; }

    private protected Phase CurrentPhase => _phase;

    /// <summary>
    /// Finishes the tonic: after the work already queued before this call, its state machine stops (exit hook),
    /// <c>ttse__on_finished</c> runs, its infusions finish, and once they all completed it completes and leaves the
    /// ledger. Sparkles queued after the finish are dropped and reported as dead letters (<see cref="Ledger.DeadLetters"/>).
    /// Calling it again while finishing or after completion does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// Called from a sparkle of a tonic that is neither this tonic nor one of its ancestors. (Code outside any
    /// sparkle may finish any tonic.)
    /// </exception>
    public void Finish()
    {
        var caller = Ambient.Tonic;
        if (caller is not null && ReferenceEquals(caller._ledger, _ledger) && !ReferenceEquals(caller, this) && !IsDescendantOf(caller))
        {
            throw new InvalidOperationException(
                $"{caller.Name} may not finish {Name}: a tonic is finished by itself, one of its ancestors, or code outside any sparkle. " +
                $"Send {Name} a sparkle that makes it finish itself instead.");
        }

        RequestFinish();
    }

    internal void RequestFinish()
    {
        if (_phase < Phase.Finishing)
        {
            PostSystem(SystemSparkle.Finish);
        }
        else if (_phase == Phase.Suspended)
        {
            RequestFinishSuspended();
        }
    }

    /// <summary>True when <paramref name="ancestor"/> is this tonic's base, or its base's base, and so on.</summary>
    public bool IsDescendantOf(Tonic ancestor)
    {
        for (var t = Parent; t is not null; t = t.Parent)
        {
            if (ReferenceEquals(t, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Called on the tonic's catalyst after its finish hooks ran and before its infusions finish.</summary>
    private protected virtual void OnFinishing()
    {
    }

    private void RunStart(in WorkOrder order)
    {
        if (_phase != Phase.Created)
        {
            return;
        }

        System.Diagnostics.Debug.Assert(ReferenceEquals(Ambient.Running, _catalyst), "A tonic starts on its own catalyst.");
        _phase = Phase.Started;
        LogLifecycle("started");
        InvokeHook(TonicDescriptor.OnStart, order);
        BindEvents(order);
        RunPendingTransitions(order);
        OnCellStarted();
    }

    private protected void RunFinish(in WorkOrder order)
    {
        if (_phase >= Phase.Finishing)
        {
            return;
        }

        _phase = Phase.Finishing;
        LogLifecycle("finishing");
        UnbindEvents();
        _hasPendingState = false;
        if (_state != NoState)
        {
            InvokeHook(TonicDescriptor.OnExit, order);
            ChangeState(NoState);
        }

        InvokeHook(TonicDescriptor.OnFinished, order);
        NotifyFinishing();
        FinishTimers();
        OnFinishing();
        foreach (var child in CloseInfusions())
        {
            child.RequestFinish();
        }

        TryComplete();
    }

    private protected void TryComplete()
    {
        if (_phase != Phase.Finishing || LiveInfusionCount() > 0)
        {
            return;
        }

        if (IsHeldOpen)
        {
            return;
        }

        System.Diagnostics.Debug.Assert(ReferenceEquals(Ambient.Running, _catalyst), "A tonic completes on its own catalyst.");
        _phase = Phase.Completed;
        LogLifecycle("finished");
        _ledger.Unregister(this);
        NotifyCompleted();
        ReleaseCell();

        Parent?.PostSystem(SystemSparkle.InfusionCompleted, this);
    }

    private protected void SignalCompletion()
    {
        _completionSignalled = true;
        Volatile.Read(ref _completion)?.TrySetResult();
    }

    /// <summary>On this tonic's catalyst: an infusion completed (or its construction was abandoned).</summary>
    private void OnInfusionCompleted(Tonic child, in WorkOrder order)
    {
        Volatile.Read(ref _infusions)?.Remove(child);
        if (_phase == Phase.Started && !child.IsAbandoned && _descriptor.DeclaresHandler(TonicDescriptor.OnInfusionCompleted))
        {
            // ttse__on_infusion_completed(Tonic child) runs inside this runtime work order on this catalyst, so under the
            // Distiller it runs at a fixed point of the run (unlike continuations on the child's Completion). Only a class
            // that declares it pays (and traces) the call.
            InvokeWithin(TonicDescriptor.OnInfusionCompleted, child, order);
            RunPendingTransitions(order);
        }

        if (_phase == Phase.Finishing)
        {
            TryComplete();
        }
        else if (_phase == Phase.Suspended)
        {
            TryRestart();
        }
        else
        {
            OnInfusionGone();
        }
    }

    internal void AddInfusion(Tonic child) => LazyInitializer.EnsureInitialized(ref _infusions, static () => new InfusionList()).Add(child, this);

    /// <summary>Refuses new infusions from now on; returns the live ones (a leaf shares one closed empty list: no allocation).</summary>
    private Tonic[] CloseInfusions() =>
        Interlocked.CompareExchange(ref _infusions, InfusionList.ClosedEmpty, null)?.Close() ?? [];

    private protected int LiveInfusionCount() => Volatile.Read(ref _infusions)?.Count ?? 0;

    private protected bool HasLiveNonCatalystInfusion() => Volatile.Read(ref _infusions)?.HasNonCatalyst ?? false;
}

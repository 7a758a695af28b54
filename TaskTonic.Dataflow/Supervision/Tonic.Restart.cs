using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow;

// Supervision, part three: the restart. The factory builds a fresh instance that takes over the identity (id, name,
// ledger slot, place among its base's infusions, catalyst binding, completion), then the held work is queued for it
// in order and it starts inline, before any of that work runs.
public abstract partial class Tonic
{
    /// <summary>Every work order queued before the suspension has come up.</summary>
    private void EarlyWorkCollected()
    {
        if (_supervision?.Suspension is { EarlyComplete: false } suspension)
        {
            suspension.EarlyComplete = true;
            TryRestart();
        }
    }

    /// <summary>The restart pipeline asks for the restart (after its backoff). Any thread.</summary>
    internal void RequestRestart(RestartGroup group) =>
        EnqueueDirect(t =>
        {
            if (t._supervision?.Suspension is { } suspension && ReferenceEquals(suspension.Group, group))
            {
                suspension.RestartRequested = true;
                t.TryRestart();
            }
        });

    /// <summary>True when the restart can happen now, inside the failure's handling on this tonic's catalyst.</summary>
    internal bool CanRestartInline() =>
        ReferenceEquals(Ambient.Running, _catalyst) && _supervision?.Suspension is { Group: not null } && LiveInfusionCount() == 0;

    /// <summary>Restarts now; only from <see cref="CanRestartInline"/> or <see cref="TryRestart"/>.</summary>
    internal void RestartNow() => Reincarnate(_supervision!.Suspension!);

    /// <summary>Restarts once the earlier work was collected, the pipeline asked for it and the old infusions completed.</summary>
    private void TryRestart()
    {
        if (_supervision?.Suspension is { Group: not null, EarlyComplete: true, RestartRequested: true } suspension && LiveInfusionCount() == 0)
        {
            Reincarnate(suspension);
        }
    }

    private void Reincarnate(Suspension suspension)
    {
        var identity = _supervision!.Identity!;
        var frame = Ambient.Enter(_ledger, Parent, SystemSparkle.Spawn, this, SystemSparkle.None, Ambient.Running);
        try
        {
            Tonic fresh;
            var claim = ConstructionClaim.ForRestart(this);
            try
            {
                fresh = identity.Factory();
                if (!ReferenceEquals(claim.ClaimedBy, fresh))
                {
                    throw new InvalidOperationException($"The factory of {Name} must return the new {GetType().Name} it creates.");
                }
            }
            catch (Exception ex)
            {
                _ledger.Supervision.Publish(SupervisionEventKind.RestartFailed, this, ex);
                SupervisionLog.RestartFailed(_ledger.GetLogger(GetType()), ex, Name);
                suspension.RestartRequested = false;
                suspension.Group!.RestartFailed(ex);
                return;
            }
            finally
            {
                claim.End();
            }

            TakeOver(fresh, suspension, identity);
            var count = identity.CountRestart();
            _ledger.Supervision.Publish(SupervisionEventKind.Restarted, fresh, suspension.Reason);
            fresh.RunNested(new WorkOrder(fresh, SystemSparkle.Start, null, fresh, SystemSparkle.Init));
            if (identity.RestartHook >= 0 && fresh._phase == Phase.Started)
            {
                var info = identity.HookTakesInfo ? new RestartInfo(suspension.Reason, count) : null;
                fresh.RunNested(new WorkOrder(fresh, identity.RestartHook, info, fresh, SystemSparkle.Init));
            }
        }
        finally
        {
            Ambient.Exit(frame);
        }
    }

    /// <summary>Moves this incarnation's identity, place and pending work to <paramref name="fresh"/>.</summary>
    private void TakeOver(Tonic fresh, Suspension suspension, SupervisedIdentity identity)
    {
        fresh.EnsureSupervision().Identity = identity;
        _ledger.Replace(this, fresh);
        Parent?.ReplaceInfusion(this, fresh);
        if (_serviceLinks is not null)
        {
            _ledger.Services.ReplaceClient(this, fresh);
        }

        // Awaiters of this object's Completion, before or after the switch, share one completion source with the fresh one.
        var completion = Volatile.Read(ref _completion);
        if (completion is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            completion = Interlocked.CompareExchange(ref _completion, created, null) ?? created;
        }

        Volatile.Write(ref fresh._completion, completion);
        identity.Current = fresh;

        // The held work goes first, then whatever was sent to the fresh instance while it was built.
        _supervision!.Suspension = null;
        lock (suspension.Hold)
        {
            foreach (var order in suspension.Early)
            {
                fresh.EnqueueMoved(order);
            }

            while (suspension.Hold.TryDequeue(out var order))
            {
                fresh.EnqueueMoved(order);
            }

            _direct = true;
        }

        _startBuffer = null;
        fresh.OpenDirectPath();
    }

    /// <summary>Queues a work order of a replaced incarnation for this (live) one; callbacks into the old state are dropped.</summary>
    private void EnqueueMoved(in WorkOrder order)
    {
        if (order.Sparkle == SystemSparkle.UserCallback)
        {
            _ledger.ReportDrop(order, DeadLetterReason.TonicRestarted);
            return;
        }

        Forward(new WorkOrder(this, order.Sparkle, order.Args, order.Source, order.SourceSparkle));
    }

    private void ReplaceInfusion(Tonic old, Tonic fresh) => Volatile.Read(ref _infusions)?.Replace(old, fresh);

    /// <summary>Runs a work order of this tonic inline, in its own sparkle frame, on the running catalyst.</summary>
    private void RunNested(in WorkOrder order)
    {
        var frame = Ambient.Enter(_ledger, this, order.Sparkle, order.Source, order.SourceSparkle, Ambient.Running);
        try
        {
            Run(order);
        }
        finally
        {
            Ambient.Exit(frame);
        }
    }
}

using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow;

// Supervision: a tonic's base is its supervisor. A failure goes through Fail → HandleFailure, where the policy decides.
// Restart keeps the address: the object callers hold stays the address and forwards to the live incarnation, which
// takes over the id, name, ledger slot, place among its base's infusions, catalyst binding and pending work.
// The normal path pays nothing: every check sits behind the existing `_phase >= Finishing` test (Phase.Suspended).
public abstract partial class Tonic
{
    private SupervisionState? _supervision;

    /// <summary>
    /// The live instance behind this address. A supervised tonic that was restarted is replaced by a fresh instance; the
    /// object you hold keeps working as its address (sparkles, <see cref="Finish"/>, <see cref="Completion"/> and the
    /// lifecycle flags go to the live instance), while its fields and <see cref="State"/> are those of the old one.
    /// This property returns the live one. It is this object unless the tonic was restarted.
    /// </summary>
    public Tonic Incarnation => _supervision?.Identity?.Current ?? this;

    /// <summary>How many times its supervisor restarted this tonic (this address).</summary>
    public int RestartCount => _supervision?.Identity?.RestartCount ?? 0;

    private Tonic Live => _supervision?.Identity?.Current ?? this;

    /// <summary>
    /// Creates an infusion through <paramref name="factory"/> and keeps the factory, so a <see cref="SupervisionDirective.Restart"/>
    /// can build fresh instances. <paramref name="policy"/> is the child's own policy (null: the policy this tonic declares
    /// for its type or for all its infusions, else <see cref="FormulaSettings.Supervision"/>).
    /// </summary>
    /// <remarks>
    /// The factory must create the tonic itself (<c>() =&gt; new Worker(args)</c>); it runs again, with this tonic as the
    /// base, for every restart. A restarted tonic may declare <c>ttse__on_restart()</c> or
    /// <c>ttse__on_restart(RestartInfo info)</c>, which runs right after its <c>ttse__on_start</c>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// Not called from one of this tonic's sparkles; the factory returned something else than a new infusion of this
    /// tonic; the infusion is a catalyst; or its <c>ttse__on_restart</c> has another signature.
    /// </exception>
    protected T Infuse<T>(Func<T> factory, SupervisionPolicy? policy = null)
        where T : Tonic
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!ReferenceEquals(Ambient.Tonic, this))
        {
            throw new InvalidOperationException($"Infuse creates an infusion of {Name}: call it from one of {Name}'s sparkles.");
        }

        return CreateSupervised(factory, policy, this);
    }

    /// <summary>Declares the policy for this tonic's infusions that have no policy of their own or of their type.</summary>
    protected void SuperviseInfusions(SupervisionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsureSupervision().InfusionPolicy = policy;
    }

    /// <summary>
    /// Declares the policy for this tonic's infusions of type <typeparamref name="TInfusion"/> (subclasses included) that
    /// have no policy of their own. The latest declaration that matches wins.
    /// </summary>
    protected void SuperviseInfusions<TInfusion>(SupervisionPolicy policy)
        where TInfusion : Tonic
    {
        ArgumentNullException.ThrowIfNull(policy);
        var state = EnsureSupervision();
        state.TypePolicies = [(typeof(TInfusion), policy), .. state.TypePolicies];
    }

    internal static T CreateSupervised<T>(Func<T> factory, SupervisionPolicy? policy, Tonic? expectedBase)
        where T : Tonic
    {
        var child = factory() ?? throw new InvalidOperationException("The factory of a supervised tonic returned null.");
        if (!ReferenceEquals(child.Base, expectedBase) || child.HasStarted || child._supervision?.Identity is not null)
        {
            throw new InvalidOperationException(
                $"The factory must create a new tonic as an infusion of {expectedBase?.Name ?? "no base (a root)"}; it returned {child}.");
        }

        if (child is TaskTonic.Dataflow.Catalyst)
        {
            throw new InvalidOperationException($"{child.Name} is a catalyst; catalysts are not supervised with restarts.");
        }

        var hook = child._descriptor.FindSparkle("ttse__on_restart");
        var takesInfo = false;
        if (hook >= 0)
        {
            var parameters = child._descriptor.Sparkles[hook].ParameterTypes;
            takesInfo = parameters.Count == 1 && parameters[0].IsAssignableFrom(typeof(RestartInfo));
            if (parameters.Count > 1 || (parameters.Count == 1 && !takesInfo))
            {
                throw new InvalidOperationException(
                    $"{child.GetType().Name}.ttse__on_restart must take no parameters or one RestartInfo.");
            }
        }

        child.EnsureSupervision().Identity = new SupervisedIdentity(child, () => factory(), policy, hook, takesInfo);
        return child;
    }

    /// <summary>The policy of this tonic's supervisor for it: its own, its base's for its type or for all, else the formula's.</summary>
    internal SupervisionPolicy EffectivePolicy()
    {
        if (_supervision?.Identity?.Policy is { } own)
        {
            return own;
        }

        if (Base?._supervision is { } parent)
        {
            foreach (var (type, policy) in parent.TypePolicies)
            {
                if (type.IsInstanceOfType(this))
                {
                    return policy;
                }
            }

            if (parent.InfusionPolicy is { } all)
            {
                return all;
            }
        }

        return _ledger.Settings.Supervision;
    }

    private SupervisionState EnsureSupervision()
    {
        var state = Volatile.Read(ref _supervision);
        if (state is null)
        {
            var created = new SupervisionState();
            state = Interlocked.CompareExchange(ref _supervision, created, null) ?? created;
        }

        return state;
    }

    /// <summary>Reports a failed work order, then lets the supervisor decide. On this tonic's catalyst.</summary>
    private void Fail(SparkleFailure failure, object? arguments)
    {
        _ledger.ReportFailure(failure, arguments);
        HandleFailure(failure.Exception);
    }

    /// <summary>This tonic failed (a sparkle, a hook, or an escalation from an infusion): apply its supervisor's policy.</summary>
    private void HandleFailure(Exception exception)
    {
        var phase = _phase;
        if (phase is not (Phase.Started or Phase.Finishing))
        {
            return;
        }

        var policy = EffectivePolicy();
        var directive = policy.Decide(exception);
        if (phase == Phase.Finishing)
        {
            // While finishing (a failing exit or finished hook) only an escalation still means something.
            if (directive == SupervisionDirective.Escalate)
            {
                EscalateToBase(exception);
            }

            return;
        }

        if (!_direct)
        {
            // Moving between catalysts: decide once the move has completed.
            PostCallback(t => t.HandleFailure(exception));
            return;
        }

        var monitor = _ledger.Supervision;
        switch (directive)
        {
            case SupervisionDirective.Escalate:
                EscalateToBase(exception);
                break;
            case SupervisionDirective.Stop:
                foreach (var member in GroupMembers(policy))
                {
                    member.EnqueueOrRun(t => t.StopFor(exception));
                }

                break;
            case SupervisionDirective.Restart when this is not TaskTonic.Dataflow.Catalyst:
                Restart(policy, exception);
                break;
            default:
                monitor.Publish(SupervisionEventKind.Resumed, this, exception);
                break;
        }
    }

    /// <summary>This tonic and, for an all-for-one policy, its siblings under the same policy object.</summary>
    private List<Tonic> GroupMembers(SupervisionPolicy policy)
    {
        if (policy.Strategy != SupervisionStrategy.AllForOne || Base is null)
        {
            return [this];
        }

        var members = Base.Infusions.Where(t => ReferenceEquals(t.EffectivePolicy(), policy)).ToList();
        if (!members.Contains(this))
        {
            members.Add(this);
        }

        return members;
    }

    /// <summary>Runs <paramref name="action"/> now when this is the running tonic, else queues it ahead of its held work.</summary>
    private void EnqueueOrRun(Action<Tonic> action)
    {
        if (ReferenceEquals(Ambient.Tonic, this))
        {
            action(this);
        }
        else
        {
            EnqueueDirect(action);
        }
    }

    private void Restart(SupervisionPolicy policy, Exception exception)
    {
        var identity = _supervision?.Identity;
        if (policy.Strategy == SupervisionStrategy.AllForOne && Base is { } supervisor)
        {
            var group = supervisor.GroupFor(policy);
            var members = GroupMembers(policy);
            var restartable = members.Where(m => m._supervision?.Identity is not null).ToArray();
            foreach (var member in members)
            {
                var restart = member._supervision?.Identity is not null;
                member.EnqueueOrRun(t =>
                {
                    if (restart)
                    {
                        t.Suspend(exception, group);
                    }
                    else
                    {
                        t.StopWithoutFactory(exception);
                    }
                });
            }

            if (restartable.Length > 0)
            {
                group.OnFailure(this, exception, restartable);
            }

            return;
        }

        if (identity is null)
        {
            StopWithoutFactory(exception);
            return;
        }

        var own = identity.Group ??= new RestartGroup(_ledger, policy, null);
        if (Suspend(exception, own))
        {
            own.OnFailure(this, exception, [this]);
        }
    }

    private void StopWithoutFactory(Exception exception)
    {
        SupervisionLog.NoFactory(_ledger.GetLogger(GetType()), exception, Name);
        StopFor(exception);
    }

    private RestartGroup GroupFor(SupervisionPolicy policy)
    {
        var state = EnsureSupervision();
        lock (state)
        {
            state.Groups ??= [];
            if (!state.Groups.TryGetValue(policy, out var group))
            {
                group = new RestartGroup(_ledger, policy, this);
                state.Groups[policy] = group;
            }

            return group;
        }
    }

    /// <summary>Holds this incarnation's work and ends what belongs to it (timers, infusions). On its catalyst.</summary>
    private bool Suspend(Exception reason, RestartGroup? group)
    {
        if (_phase != Phase.Started)
        {
            return false;
        }

        var suspension = new Suspension(reason, group);
        EnsureSupervision().Suspension = suspension;
        lock (suspension.Hold)
        {
            _startBuffer = suspension.Hold;
            _direct = false;
            _phase = Phase.Suspended;
        }

        // Posts that saw the direct path before the switch must land in the queue before the marker below.
        var spin = default(SpinWait);
        while (Volatile.Read(ref _posting) != 0)
        {
            spin.SpinOnce();
        }

        _hasPendingState = false;
        FinishTimers();
        foreach (var child in CloseInfusions())
        {
            child.RequestFinish();
        }

        EnqueueDirect(static t => t.EarlyWorkCollected());
        return true;
    }

    /// <summary>Stops this tonic for its supervisor: its held work goes to the dead letters and it finishes.</summary>
    private void StopFor(Exception exception)
    {
        if (_phase == Phase.Started && Suspend(exception, null))
        {
            EnqueueDirect(t => t.StopSuspended(publish: true));
        }
    }

    /// <summary>The restart limit was reached: stop this incarnation if it still waits for <paramref name="group"/>.</summary>
    internal void StopWhenSuspended(RestartGroup group, Exception cause, bool escalate) =>
        EnqueueDirect(t =>
        {
            if (t.IsSuspendedForRestart(group))
            {
                t.StopSuspended(publish: true);
            }

            if (escalate)
            {
                t.EscalateToBase(cause);
            }
        });

    private void StopSuspended(bool publish)
    {
        var suspension = _supervision?.Suspension;
        if (suspension is null || _phase != Phase.Suspended)
        {
            return;
        }

        _supervision!.Suspension = null;
        List<WorkOrder> dropped = [.. suspension.Early];
        lock (suspension.Hold)
        {
            dropped.AddRange(suspension.Hold);
            suspension.Hold.Clear();
            _direct = true;
        }

        _startBuffer = null;
        foreach (var order in dropped)
        {
            _ledger.ReportDrop(order, DropReason.TonicFinishing);
        }

        _phase = Phase.Started;
        if (publish)
        {
            _ledger.Supervision.Publish(SupervisionEventKind.Stopped, this, suspension.Reason);
        }

        suspension.Group?.MemberFinished(this);
        RunFinish(new WorkOrder(this, SystemSparkle.Finish, null, this, SystemSparkle.None));
    }

    internal bool IsSuspendedForRestart(RestartGroup group) => ReferenceEquals(_supervision?.Suspension?.Group, group);

    /// <summary>Fails this tonic's base with <paramref name="exception"/> (past a root: the formula's root rule).</summary>
    internal void EscalateToBase(Exception exception)
    {
        _ledger.Supervision.Publish(SupervisionEventKind.Escalated, this, exception);
        if (Base is not { } supervisor)
        {
            _ledger.Supervision.RootFailed(this, exception);
            return;
        }

        if (supervisor.Base is null && supervisor._supervision?.Identity?.Policy is null)
        {
            supervisor.EnqueueDirect(t => t._ledger.Supervision.RootFailed(t, exception));
            return;
        }

        supervisor.EnqueueDirect(t => t.HandleFailure(exception));
    }

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
        var frame = Ambient.Enter(_ledger, Base, SystemSparkle.Spawn, this, SystemSparkle.None, Ambient.Running);
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
        Base?.ReplaceInfusion(this, fresh);
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
        var buffer = fresh._startBuffer!;
        lock (buffer)
        {
            while (buffer.TryDequeue(out var order))
            {
                fresh.Forward(order);
            }

            fresh._direct = true;
        }

        fresh._startBuffer = null;
    }

    /// <summary>Queues a work order of a replaced incarnation for this (live) one; callbacks into the old state are dropped.</summary>
    private void EnqueueMoved(in WorkOrder order)
    {
        if (order.Sparkle == SystemSparkle.UserCallback)
        {
            _ledger.ReportDrop(order, DropReason.TonicRestarted);
            return;
        }

        Forward(new WorkOrder(this, order.Sparkle, order.Args, order.Source, order.SourceSparkle));
    }

    private void ReplaceInfusion(Tonic old, Tonic fresh)
    {
        var list = Volatile.Read(ref _infusions);
        if (list is null)
        {
            return;
        }

        lock (list)
        {
            var index = list.IndexOf(old);
            if (index >= 0)
            {
                list[index] = fresh;
            }
        }
    }

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

    /// <summary>Queues a runtime callback straight into the catalyst's queue, ahead of the work a suspension holds.</summary>
    private void EnqueueDirect(Action<Tonic> action)
    {
        var order = new WorkOrder(this, SystemSparkle.Callback, action, null, SystemSparkle.None);
        if (!_catalyst.Enqueue(order))
        {
            _ledger.ReportDrop(order, DropReason.CatalystCompleted);
        }
    }

    /// <summary>A user work order came up for a suspended incarnation: forward it to the live one, or hold it.</summary>
    private void RunSuspended(in WorkOrder order)
    {
        var live = Live;
        if (!ReferenceEquals(live, this))
        {
            if (order.Sparkle == SystemSparkle.UserCallback)
            {
                _ledger.ReportDrop(order, DropReason.TonicRestarted);
                return;
            }

            var moved = new WorkOrder(live, order.Sparkle, order.Args, order.Source, order.SourceSparkle);
            if (ReferenceEquals(live._catalyst, Ambient.Running))
            {
                live.RunNested(moved);
            }
            else
            {
                live.Post(moved);
            }

            return;
        }

        if (_supervision?.Suspension is not { } suspension)
        {
            _ledger.ReportDrop(order, DropReason.TonicFinishing);
            return;
        }

        if (!suspension.EarlyComplete)
        {
            suspension.Early.Add(order);
            return;
        }

        lock (suspension.Hold)
        {
            suspension.Hold.Enqueue(order);
        }
    }

    /// <summary>A sparkle is posted to a suspended incarnation: to the live one if it was replaced, else into the hold.</summary>
    private void PostSuspended(in WorkOrder order)
    {
        var live = Live;
        if (ReferenceEquals(live, this))
        {
            Post(order);
            return;
        }

        if (order.Sparkle == SystemSparkle.UserCallback)
        {
            _ledger.ReportDrop(order, DropReason.TonicRestarted);
            return;
        }

        var moved = new WorkOrder(live, order.Sparkle, order.Args, order.Source, order.SourceSparkle);
        var phase = live._phase;
        if (phase is Phase.Finishing or Phase.Completed)
        {
            _ledger.ReportDrop(moved, phase == Phase.Completed ? DropReason.TonicCompleted : DropReason.TonicFinishing);
            return;
        }

        live.Post(moved);
    }

    /// <summary>System work for a suspended incarnation; true when handled here.</summary>
    private bool RunSystemSuspended(in WorkOrder order)
    {
        switch (order.Sparkle)
        {
            case SystemSparkle.Finish:
                var live = Live;
                if (!ReferenceEquals(live, this))
                {
                    live.RequestFinish();
                }
                else
                {
                    // Finished while its supervisor held it (its base finishing, for example): drop the held work, finish.
                    StopSuspended(publish: false);
                }

                return true;
            case SystemSparkle.Move:
                RunSuspended(order);
                return true;
            default:
                return false;
        }
    }

    private void RequestFinishSuspended()
    {
        var live = Live;
        if (!ReferenceEquals(live, this))
        {
            live.RequestFinish();
            return;
        }

        var order = new WorkOrder(this, SystemSparkle.Finish, null, Ambient.Tonic, Ambient.Sparkle);
        if (!_catalyst.Enqueue(order))
        {
            _ledger.ReportDrop(order, DropReason.CatalystCompleted);
        }
    }

    /// <summary>After <c>ttse__on_finished</c>: a client leaves its services.</summary>
    private void NotifyFinishing()
    {
        if (_serviceLinks is not null)
        {
            _ledger.Services.TonicFinishing(this);
        }
    }

    /// <summary>After the tonic left the ledger: its restart session ends, a service tells its clients.</summary>
    private void NotifyCompleted()
    {
        if (_supervision?.Identity is { Group: { } group } identity && ReferenceEquals(identity.Current, this))
        {
            group.MemberCompleted();
        }

        if (_serviceLinks is not null)
        {
            _ledger.Services.TonicCompleted(this);
        }
    }
}

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

    /// <summary>The object that is this tonic's address: the first incarnation (this object unless it was restarted).</summary>
    internal Tonic Address => _supervision?.Identity?.Address ?? this;

    /// <summary>
    /// Creates an infusion through <paramref name="factory"/> and keeps the factory, so a <see cref="SupervisionDirective.Restart"/>
    /// can build fresh instances. <paramref name="policy"/> is the child's own policy (null: the policy this tonic declares
    /// for its type or for all its infusions, else <see cref="FormulaOptions.Supervision"/>).
    /// </summary>
    /// <remarks>
    /// The factory must create the tonic itself (<c>() =&gt; new Worker(args)</c>); it runs again, with this tonic as the
    /// base, for every restart. When it throws (a constructor failed), what it registered is undone and the exception
    /// propagates: nothing of the failed infusion stays behind. A restarted tonic may declare <c>ttse__on_restart()</c> or
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
        where T : Tonic =>
        ConstructionLog.Build(() => CreateSupervisedCore(factory, policy, expectedBase));

    /// <summary>Builds and checks the supervised tonic; a throw abandons what the factory built (see <see cref="ConstructionLog"/>).</summary>
    private static T CreateSupervisedCore<T>(Func<T> factory, SupervisionPolicy? policy, Tonic? expectedBase)
        where T : Tonic
    {
        var child = factory() ?? throw new InvalidOperationException("The factory of a supervised tonic returned null.");
        if (!ReferenceEquals(child.Parent, expectedBase) || child.HasStarted || child._supervision?.Identity is not null)
        {
            throw new InvalidOperationException(
                $"The factory must create a new tonic as an infusion of {expectedBase?.Name ?? "no base (a root)"}; it returned {child}.");
        }

        if (child.IsCatalyst)
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

        if (Parent?._supervision is { } parent)
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
            case SupervisionDirective.Restart when !IsCatalyst:
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
        if (policy.Strategy != SupervisionStrategy.AllForOne || Parent is null)
        {
            return [this];
        }

        var members = Parent.Infusions.Where(t => ReferenceEquals(t.EffectivePolicy(), policy)).ToList();
        if (!members.Contains(this))
        {
            members.Add(this);
        }

        return members;
    }

    private void Restart(SupervisionPolicy policy, Exception exception)
    {
        var identity = _supervision?.Identity;
        if (policy.Strategy == SupervisionStrategy.AllForOne && Parent is { } supervisor)
        {
            var group = supervisor.GroupFor(policy);
            group.NoteFailure();
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
        own.NoteFailure();
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

    /// <summary>Fails this tonic's base with <paramref name="exception"/> (past a root: the formula's root rule).</summary>
    internal void EscalateToBase(Exception exception)
    {
        _ledger.Supervision.Publish(SupervisionEventKind.Escalated, this, exception);
        if (Parent is not { } supervisor)
        {
            _ledger.Supervision.RootFailed(this, exception);
            return;
        }

        if (supervisor.Parent is null && supervisor._supervision?.Identity?.Policy is null)
        {
            supervisor.EnqueueDirect(t => t._ledger.Supervision.RootFailed(t, exception));
            return;
        }

        supervisor.EnqueueDirect(t => t.HandleFailure(exception));
    }

    /// <summary>After <c>ttse__on_finished</c>: a client leaves its services.</summary>
    private void NotifyFinishing()
    {
        NotifyStoresFinishing();
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

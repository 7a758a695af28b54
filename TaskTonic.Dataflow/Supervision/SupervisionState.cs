using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Supervision;

/// <summary>The supervision data of one tonic object; created only for tonics that use supervision.</summary>
internal sealed class SupervisionState
{
    /// <summary>The address this object is an incarnation of (supervised infusions created with a factory).</summary>
    public SupervisedIdentity? Identity;

    /// <summary>Set while a supervisor holds this incarnation's work (failure being handled).</summary>
    public Suspension? Suspension;

    /// <summary>As a supervisor: the policy of infusions without a policy of their own or of their type.</summary>
    public volatile SupervisionPolicy? InfusionPolicy;

    /// <summary>As a supervisor: policies per infusion type, the latest declaration first.</summary>
    public volatile (Type Type, SupervisionPolicy Policy)[] TypePolicies = [];

    /// <summary>As a supervisor: the all-for-one groups, one per policy object.</summary>
    public Dictionary<SupervisionPolicy, RestartGroup>? Groups;
}

/// <summary>
/// One supervised address: the factory that builds its incarnations, its own policy, and the live incarnation.
/// Shared by every incarnation, so the original object (the address callers hold) always finds the live one.
/// </summary>
internal sealed class SupervisedIdentity(Tonic first, Func<Tonic> factory, SupervisionPolicy? policy, int restartHook, bool hookTakesInfo)
{
    private volatile Tonic _current = first;
    private int _restarts;

    /// <summary>The first incarnation: the object <c>Infuse</c>/<c>Spawn</c> returned, which stays the address.</summary>
    public Tonic Address { get; } = first;

    public Tonic Current
    {
        get => _current;
        set => _current = value;
    }

    public Func<Tonic> Factory { get; } = factory;

    public SupervisionPolicy? Policy { get; } = policy;

    /// <summary>The sparkle id of <c>ttse__on_restart</c>, or -1.</summary>
    public int RestartHook { get; } = restartHook;

    public bool HookTakesInfo { get; } = hookTakesInfo;

    public int RestartCount => Volatile.Read(ref _restarts);

    /// <summary>The one-for-one restart group (created at the first restart).</summary>
    public RestartGroup? Group { get; set; }

    public int CountRestart() => Interlocked.Increment(ref _restarts);
}

/// <summary>The work of a failed incarnation, held while its supervisor decides and restarts it.</summary>
internal sealed class Suspension(Exception reason, RestartGroup? group)
{
    /// <summary>Work posted after the suspension (the tonic's mailbox buffer meanwhile).</summary>
    public Queue<WorkOrder> Hold { get; } = new();

    /// <summary>Work that was already in the catalyst's queue, collected as it comes up.</summary>
    public List<WorkOrder> Early { get; } = [];

    /// <summary>True once every work order queued before the suspension came up.</summary>
    public bool EarlyComplete { get; set; }

    /// <summary>True once the restart pipeline asked for the restart (after its backoff).</summary>
    public bool RestartRequested { get; set; }

    public Exception Reason { get; } = reason;

    /// <summary>The group that restarts this incarnation; null when it is only waiting to be stopped.</summary>
    public RestartGroup? Group { get; } = group;
}

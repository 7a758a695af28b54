namespace TaskTonic.Dataflow.Supervision;

/// <summary>Which infusions a restart (or stop) applies to.</summary>
public enum SupervisionStrategy
{
    /// <summary>Only the infusion that failed.</summary>
    OneForOne,

    /// <summary>Every infusion of the same supervisor that has the same policy (the same <see cref="SupervisionPolicy"/> object).</summary>
    AllForOne,
}

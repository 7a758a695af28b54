namespace TaskTonic.Dataflow.Supervision;

/// <summary>What a supervisor (a tonic's base) does when one of its infusions fails.</summary>
public enum SupervisionDirective
{
    /// <summary>Skip the failed work order and go on with the next one; the tonic keeps its state. The default.</summary>
    Resume,

    /// <summary>
    /// Replace the tonic by a fresh instance from the factory captured at its creation, keeping its id, name, address and
    /// pending work; the failed work order is not retried. Needs a factory (<see cref="Tonic"/>'s <c>Infuse</c>).
    /// </summary>
    Restart,

    /// <summary>Finish the tonic; the work still queued for it goes to the dead letters.</summary>
    Stop,

    /// <summary>Fail the supervisor itself: its own supervisor decides (past a root, <see cref="FormulaOptions.RootEscalation"/>).</summary>
    Escalate,
}

namespace TaskTonic.Dataflow.Supervision;

/// <summary>What happens to a failure escalated past a root tonic (a tonic without a base, such as the main catalyst).</summary>
public enum RootEscalation
{
    /// <summary>Shut the application down; <see cref="Formula.RunAsync"/> ends with the failure's exception.</summary>
    FailFormula,

    /// <summary>Log the failure and go on.</summary>
    Resume,
}

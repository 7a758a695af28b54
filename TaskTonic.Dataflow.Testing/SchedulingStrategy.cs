namespace TaskTonic.Dataflow.Testing;

/// <summary>How a <see cref="Distiller"/> picks the catalyst that runs next.</summary>
public enum SchedulingStrategy
{
    /// <summary>The global order in which work orders were posted (the default distiller; no randomness).</summary>
    PostingOrder,

    /// <summary>Uniformly at random among the catalysts that have work.</summary>
    Random,

    /// <summary>PCT-style: random catalyst priorities with <see cref="ExplorationOptions.ChangePoints"/> - 1 priority changes.</summary>
    Priority,
}

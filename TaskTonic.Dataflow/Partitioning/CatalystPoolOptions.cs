namespace TaskTonic.Dataflow.Partitioning;

/// <summary>Options of a <see cref="CatalystPool"/>.</summary>
public sealed class CatalystPoolOptions
{
    /// <summary>The pool's name, unique among live tonics; its catalysts are named <c>name.c0</c>, <c>name.c1</c>, ...</summary>
    public string? Name { get; init; }

    /// <summary>The number of catalysts; null for one per processor core. Must be positive.</summary>
    public int? Size { get; init; }

    /// <summary>Where the catalysts run their work orders: the thread pool (default) or one dedicated thread each.</summary>
    public CatalystThreading Threading { get; init; } = CatalystThreading.ThreadPool;
}

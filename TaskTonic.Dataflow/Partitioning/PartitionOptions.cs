namespace TaskTonic.Dataflow.Partitioning;

/// <summary>Options of a <see cref="Partition{TKey, T}"/>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="T">The keyed tonic type.</typeparam>
public sealed class PartitionOptions<TKey, T>
    where TKey : notnull
    where T : Tonic
{
    /// <summary>The partition's name, unique among live tonics; null for the default.</summary>
    public string? Name { get; init; }

    /// <summary>Which catalyst runs which key; null for a <see cref="ConsistentHashPlacement{TKey}"/> over the pool.</summary>
    public IPlacement<TKey>? Placement { get; init; }

    /// <summary>Compares keys (and, for the default placement, hashes them); null for the default comparer.</summary>
    public IEqualityComparer<TKey>? Comparer { get; init; }

    /// <summary>A keyed tonic not asked for (<see cref="Partition{TKey, T}.For"/>) for this long is passivated; null: never.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Runs as a sparkle of a keyed tonic that is passivated (or finishes with the partition), after its queued work and before it finishes.</summary>
    public Action<TKey, T>? Save { get; init; }

    /// <summary>Runs as the first sparkle of a keyed tonic after it was created, before any work sent to it.</summary>
    public Action<TKey, T>? Restore { get; init; }

    /// <summary>Moves keys off a catalyst whose queue stays long; null: keys move only when the pool is resized.</summary>
    public IRebalancePolicy? RebalancePolicy { get; init; }

    /// <summary>How often idle keys and catalyst loads are checked (default: a quarter of the idle timeout, else one second).</summary>
    public TimeSpan? CheckInterval { get; init; }
}

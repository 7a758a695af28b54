namespace TaskTonic.Dataflow.Partitioning;

/// <summary>Decides, from the catalysts' loads, whether a partition moves keys from one catalyst to another.</summary>
/// <remarks>Called on the partition's catalyst at every check interval; an implementation may keep state between calls.</remarks>
public interface IRebalancePolicy
{
    /// <summary>Returns the move to make now, or null to leave the keys where they are.</summary>
    /// <param name="loads">One entry per catalyst of the pool, in pool order.</param>
    RebalanceMove? Decide(IReadOnlyList<CatalystLoad> loads);
}

/// <summary>One catalyst's load as a partition sees it.</summary>
/// <param name="Catalyst">The catalyst.</param>
/// <param name="QueuedWorkOrders">The work orders waiting in its queue (all tonics bound to it).</param>
/// <param name="Keys">The partition's live keys placed on it.</param>
public readonly record struct CatalystLoad(Catalyst Catalyst, int QueuedWorkOrders, int Keys);

/// <summary>Move up to <paramref name="Keys"/> keys from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The overloaded catalyst.</param>
/// <param name="To">The catalyst receiving keys.</param>
/// <param name="Keys">How many keys to move.</param>
public readonly record struct RebalanceMove(Catalyst From, Catalyst To, int Keys);

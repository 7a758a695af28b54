namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// Answers "which executor runs key K": the one question a <see cref="Partition{TKey, T}"/> asks to place a keyed tonic.
/// </summary>
/// <remarks>
/// The partition never hashes keys itself: it asks the placement when it creates a key's tonic and again, for every live
/// key, after <see cref="Update"/>; keys whose answer changed are moved (per-key order kept by the move guard). An
/// implementation must be thread-safe and must answer the same catalyst for the same key until the next
/// <see cref="Update"/>. A placement over remote executors (a key owned by another process) answers only for the keys it
/// hosts locally and routes the others before they reach <see cref="Place"/>.
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
public interface IPlacement<in TKey>
    where TKey : notnull
{
    /// <summary>The executor that runs <paramref name="key"/> now: one of the catalysts last given to <see cref="Update"/>.</summary>
    Catalyst Place(TKey key);

    /// <summary>Replaces the set of executors (the pool grew or shrank). Keys are placed on the new set from the next <see cref="Place"/> on.</summary>
    /// <exception cref="ArgumentException">The set is empty.</exception>
    void Update(IReadOnlyList<Catalyst> executors);
}

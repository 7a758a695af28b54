using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Chunks;

/// <summary>
/// Starts chunked iterations: long work cut into chunks, each chunk a sparkle the iteration re-posts to its tonic's own
/// mailbox, so everything else queued on the catalyst (commands, timers, other tonics' sparkles, a cancel) runs in
/// between. See <see cref="ChunkedIteration{T}"/>.
/// </summary>
/// <example>
/// <code>
/// void ttsc__start_heavy_processing() =>
///     _job = ChunkedIteration.Start(_data, DoComplexMath, new ChunkOptions { ChunkSize = 5000 }, OnJobDone);
/// void ttsc__stop() => _job?.Cancel();
/// </code>
/// </example>
public static class ChunkedIteration
{
    /// <summary>
    /// Iterates <paramref name="items"/> in chunks on the tonic whose sparkle is running: the first chunk is queued
    /// now, and each chunk queues the next until the items end, <see cref="ChunkedIteration{T}.Cancel"/> is called, an
    /// item throws, or the tonic finishes.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; enumerated only on the tonic's catalyst.</param>
    /// <param name="perItem">Runs for each item, inside a chunk sparkle of the tonic.</param>
    /// <param name="options">Chunk size and/or time budget; null for <see cref="ChunkOptions.DefaultChunkSize"/>.</param>
    /// <param name="onCompleted">Runs as a sparkle of the tonic when the iteration ended (completed, cancelled or failed).</param>
    /// <returns>The running iteration.</returns>
    /// <exception cref="InvalidOperationException">Not called inside a sparkle, or the tonic is finishing.</exception>
    public static ChunkedIteration<T> Start<T>(IEnumerable<T> items, Action<T> perItem, ChunkOptions? options = null,
        Action<ChunkResult>? onCompleted = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(perItem);
        var owner = RunningOwner();
        var iteration = new ChunkedIteration<T>(owner, perItem, options ?? new ChunkOptions(), onCompleted);
        iteration.Begin(items.GetEnumerator());
        return iteration;
    }

    /// <summary>
    /// Iterates an asynchronous sequence in chunks on the tonic whose sparkle is running. Items that are ready are
    /// processed in chunks as for an <see cref="IEnumerable{T}"/>; when <c>MoveNextAsync</c> has to wait, the chunk
    /// ends and its completion is delivered as the next chunk sparkle, so the catalyst is never blocked.
    /// <see cref="ChunkedIteration{T}.Cancel"/> also cancels the token passed to <c>GetAsyncEnumerator</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items. The sequence's code up to its first real wait runs on the tonic's catalyst.</param>
    /// <param name="perItem">Runs for each item, inside a chunk sparkle of the tonic.</param>
    /// <param name="options">Chunk size and/or time budget; null for <see cref="ChunkOptions.DefaultChunkSize"/>.</param>
    /// <param name="onCompleted">Runs as a sparkle of the tonic when the iteration ended (completed, cancelled or failed).</param>
    /// <returns>The running iteration.</returns>
    /// <exception cref="InvalidOperationException">Not called inside a sparkle, or the tonic is finishing.</exception>
    public static ChunkedIteration<T> Start<T>(IAsyncEnumerable<T> items, Action<T> perItem, ChunkOptions? options = null,
        Action<ChunkResult>? onCompleted = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(perItem);
        var owner = RunningOwner();
        var iteration = new ChunkedIteration<T>(owner, perItem, options ?? new ChunkOptions(), onCompleted);
        iteration.Begin(items);
        return iteration;
    }

    private static Tonic RunningOwner()
    {
        if (Ambient.Running is null || Ambient.Tonic is not { } owner)
        {
            throw new InvalidOperationException(
                "A chunked iteration must be started inside a sparkle: its chunks run on that sparkle's tonic.");
        }

        if (owner.IsFinishing)
        {
            throw new InvalidOperationException($"Cannot start a chunked iteration on {owner.Name}: it is finishing.");
        }

        return owner;
    }
}

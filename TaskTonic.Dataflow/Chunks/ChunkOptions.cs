namespace TaskTonic.Dataflow.Chunks;

/// <summary>How a <see cref="ChunkedIteration{T}"/> cuts its items into chunks: by count, by time, or both (whichever ends first).</summary>
public sealed class ChunkOptions
{
    /// <summary>The chunk size used when neither <see cref="ChunkSize"/> nor <see cref="TimeBudget"/> is set.</summary>
    public const int DefaultChunkSize = 1000;

    private readonly int? _chunkSize;
    private readonly TimeSpan? _timeBudget;

    /// <summary>
    /// The most items one chunk processes. Default: <see cref="DefaultChunkSize"/>, or no limit when only a
    /// <see cref="TimeBudget"/> is set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int? ChunkSize
    {
        get => _chunkSize;
        init
        {
            if (value is { } size)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(size, 0, nameof(ChunkSize));
            }

            _chunkSize = value;
        }
    }

    /// <summary>
    /// The time after which a chunk stops, checked after each item on the ledger's <see cref="TimeProvider"/>. Default
    /// none. Under the Distiller's virtual clock time stands still inside a sparkle, so pair it with a
    /// <see cref="ChunkSize"/> there.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan? TimeBudget
    {
        get => _timeBudget;
        init
        {
            if (value is { } budget)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero, nameof(TimeBudget));
            }

            _timeBudget = value;
        }
    }

    internal int EffectiveChunkSize => ChunkSize ?? (TimeBudget is null ? DefaultChunkSize : int.MaxValue);
}

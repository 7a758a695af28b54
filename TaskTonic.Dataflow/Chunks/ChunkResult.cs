namespace TaskTonic.Dataflow.Chunks;

/// <summary>The end of a <see cref="ChunkedIteration{T}"/>: how it ended and how much it did.</summary>
public sealed class ChunkResult
{
    internal ChunkResult(ChunkOutcome outcome, long processedCount, int chunkCount, Exception? exception)
    {
        Outcome = outcome;
        ProcessedCount = processedCount;
        ChunkCount = chunkCount;
        Exception = exception;
    }

    /// <summary>How the iteration ended.</summary>
    public ChunkOutcome Outcome { get; }

    /// <summary>True when it was cancelled.</summary>
    public bool IsCancelled => Outcome == ChunkOutcome.Cancelled;

    /// <summary>The items whose per-item action returned normally.</summary>
    public long ProcessedCount { get; }

    /// <summary>The chunk sparkles that processed at least one item.</summary>
    public int ChunkCount { get; }

    /// <summary>What the per-item action or the source threw, for <see cref="ChunkOutcome.Failed"/>; else null.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Outcome}: {ProcessedCount} items in {ChunkCount} chunks";
}

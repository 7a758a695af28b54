namespace TaskTonic.Dataflow.Chunks;

/// <summary>How a <see cref="ChunkedIteration{T}"/> ended.</summary>
public enum ChunkOutcome
{
    /// <summary>Every item was processed.</summary>
    Completed,

    /// <summary><see cref="ChunkedIteration{T}.Cancel"/> stopped it before the next chunk.</summary>
    Cancelled,

    /// <summary>The per-item action or the source threw; the exception is in <see cref="ChunkResult.Exception"/>.</summary>
    Failed,

    /// <summary>The owning tonic finished first: the pending chunk was dropped (and counted by the ledger), no completion callback ran.</summary>
    Abandoned,
}

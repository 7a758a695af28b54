using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Interop;

/// <summary>Optional settings of a <see cref="TonicTargetBlock{T}"/>. Every property has a sensible default.</summary>
public sealed class TonicTargetBlockOptions
{
    /// <summary>
    /// The most items the block holds accepted but not yet processed by the tonic, or
    /// <see cref="DataflowBlockOptions.Unbounded"/> (-1, the default). When full, <c>Post</c> returns false and offers
    /// from linked sources and <c>SendAsync</c> are postponed, and consumed in order as the tonic catches up: back-pressure.
    /// </summary>
    public int BoundedCapacity { get; init; } = DataflowBlockOptions.Unbounded;

    /// <summary>Finish the tonic once the block has completed or faulted (after <see cref="OnCompleted"/> ran). Default false.</summary>
    public bool FinishTonicOnCompletion { get; init; }

    /// <summary>
    /// Runs as a sparkle of the tonic once the block has completed (argument null) or faulted (the fault), after every
    /// accepted item was processed, so a tonic stage can complete or fault what it feeds. Not called when the tonic
    /// finished first. Default none.
    /// </summary>
    public Action<Exception?>? OnCompleted { get; init; }
}

namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>An item flowing through the stages of a pipeline; each stage passes it on unchanged.</summary>
public sealed class PipelineItem(int sequence)
{
    /// <summary>Gets the item's number within the run.</summary>
    public int Sequence { get; } = sequence;
}

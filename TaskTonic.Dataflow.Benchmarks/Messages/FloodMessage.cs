namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>One message of the one-way flood.</summary>
public sealed class FloodMessage(int sequence)
{
    /// <summary>Gets the message's number within its run.</summary>
    public int Sequence { get; } = sequence;
}

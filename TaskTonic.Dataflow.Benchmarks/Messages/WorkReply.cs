namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>A worker's answer to a <see cref="WorkRequest"/>.</summary>
public sealed class WorkReply(int round)
{
    /// <summary>Gets the round of the request this answers.</summary>
    public int Round { get; } = round;
}

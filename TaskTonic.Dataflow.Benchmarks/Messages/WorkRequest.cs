namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>The scatter-gather coordinator's request to one worker.</summary>
public sealed class WorkRequest(int round)
{
    /// <summary>Gets the round this request belongs to.</summary>
    public int Round { get; } = round;
}

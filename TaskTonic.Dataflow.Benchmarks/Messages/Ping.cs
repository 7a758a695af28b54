namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>Sent by a ping actor to its pong actor.</summary>
public sealed class Ping(int sequence)
{
    /// <summary>Gets the ping's number within its pair's run.</summary>
    public int Sequence { get; } = sequence;
}

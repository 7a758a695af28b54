namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>A pong actor's answer to a <see cref="Ping"/>.</summary>
public sealed class Pong(int sequence)
{
    /// <summary>Gets the number of the ping this answers.</summary>
    public int Sequence { get; } = sequence;
}

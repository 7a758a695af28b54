namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>The first (and only) message a freshly spawned actor receives.</summary>
public sealed class Hello(int index)
{
    /// <summary>Gets the actor's index within its spawn round.</summary>
    public int Index { get; } = index;
}

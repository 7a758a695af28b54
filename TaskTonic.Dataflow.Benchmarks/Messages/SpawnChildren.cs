namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>Tells a spawning parent actor to create <see cref="Count"/> children and greet each once.</summary>
public sealed class SpawnChildren(int count)
{
    /// <summary>Gets the number of children to spawn.</summary>
    public int Count { get; } = count;
}

namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>A SkyNet actor's report to its parent: the sum of the leaf numbers below it.</summary>
public sealed class SkyNetResult(long sum)
{
    /// <summary>Gets the sum of the leaf numbers.</summary>
    public long Sum { get; } = sum;
}

namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>One link of the chain: the handler posts the next link to its own actor until none remain.</summary>
public sealed class ChainLink(int remaining)
{
    /// <summary>Gets the number of links still to handle, this one included.</summary>
    public int Remaining { get; } = remaining;

    /// <summary>Gets a value indicating whether this is the last link of the run.</summary>
    public bool IsLast => Remaining == 1;

    /// <summary>The link to post next.</summary>
    public ChainLink Next() => new(Remaining - 1);
}

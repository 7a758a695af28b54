namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>Tells a SkyNet actor which range of leaves it covers: numbers <c>Number … Number + Size − 1</c>.</summary>
public sealed class SkyNetStart(long number, long size)
{
    /// <summary>The number of children every inner actor spawns.</summary>
    public const int Fanout = 10;

    /// <summary>Gets the first leaf number of the range.</summary>
    public long Number { get; } = number;

    /// <summary>Gets the number of leaves in the range; 1 means this actor is a leaf.</summary>
    public long Size { get; } = size;

    /// <summary>Gets a value indicating whether the receiving actor is a leaf.</summary>
    public bool IsLeaf => Size == 1;

    /// <summary>The start message for child <paramref name="index"/> (0 … <see cref="Fanout"/> − 1).</summary>
    public SkyNetStart ForChild(int index)
    {
        var childSize = Size / Fanout;
        return new SkyNetStart(Number + (index * childSize), childSize);
    }
}

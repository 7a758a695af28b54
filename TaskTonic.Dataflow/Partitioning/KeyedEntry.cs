namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// A live key: its tonic, the catalyst it was last sent to, and its idleness. <see cref="Partition{TKey, T}.For"/> marks
/// it touched without a lock; the sweep clears the mark and, one idle period later, claims it for passivation with a
/// compare-and-swap that a concurrent touch wins.
/// </summary>
internal sealed class KeyedEntry<T>(T tonic, Catalyst target)
    where T : Tonic
{
    public const int Idle = 0;
    public const int Touched = 1;
    public const int Passivated = 2;

    private int _state = Touched;

    public T Tonic { get; } = tonic;

    /// <summary>The catalyst the tonic runs on or is moving to. Written under the partition's gate.</summary>
    public Catalyst Target { get; set; } = target;

    /// <summary>A catalyst chosen by load rebalancing that overrides the placement for this incarnation.</summary>
    public Catalyst? Pinned { get; set; }

    /// <summary>When the sweep first saw the entry untouched.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>Marks the entry used; false when it was already claimed for passivation.</summary>
    public bool Touch()
    {
        if (Volatile.Read(ref _state) == Touched)
        {
            return true;
        }

        return Interlocked.CompareExchange(ref _state, Touched, Idle) != Passivated;
    }

    /// <summary>Clears the touched mark; true when it was set.</summary>
    public bool ClearTouched() => Interlocked.CompareExchange(ref _state, Idle, Touched) == Touched;

    /// <summary>Claims the entry for passivation; false when it was touched since the last sweep.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Passivated, Idle) == Idle;

    /// <summary>Claims the entry unconditionally (the partition finishes).</summary>
    public void Claim() => Volatile.Write(ref _state, Passivated);
}

namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// Consistent hashing with virtual nodes: each executor owns <see cref="VirtualNodes"/> points on a 64-bit ring (hashed
/// from its name, so the ring is the same in every run) and a key belongs to the first point at or after its hash.
/// Adding an executor to N takes about 1/(N+1) of the keys, all of them onto the new executor; removing one moves
/// only its own keys.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class ConsistentHashPlacement<TKey> : IPlacement<TKey>
    where TKey : notnull
{
    private readonly IEqualityComparer<TKey>? _comparer;
    private volatile Ring _ring;

    /// <summary>Creates a placement over <paramref name="executors"/>.</summary>
    /// <param name="executors">The catalysts keys are placed on; at least one.</param>
    /// <param name="virtualNodes">Points per executor on the ring: more spread keys more evenly (default 160).</param>
    /// <param name="comparer">Hashes keys; null for a stable built-in hash of strings, integers and GUIDs (others use their <c>GetHashCode</c>).</param>
    /// <exception cref="ArgumentException">No executors.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="virtualNodes"/> is not positive.</exception>
    public ConsistentHashPlacement(IReadOnlyList<Catalyst> executors, int virtualNodes = 160, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(executors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(virtualNodes);
        VirtualNodes = virtualNodes;
        _comparer = comparer;
        _ring = Build(executors, nameof(executors));
    }

    /// <summary>Points per executor on the ring.</summary>
    public int VirtualNodes { get; }

    /// <summary>The executors keys are placed on now.</summary>
    public IReadOnlyList<Catalyst> Executors => _ring.Executors;

    /// <inheritdoc />
    public Catalyst Place(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var ring = _ring;
        var hash = KeyHash.Of(key, _comparer);
        var index = Array.BinarySearch(ring.Points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return ring.Owners[index == ring.Points.Length ? 0 : index];
    }

    /// <inheritdoc />
    public void Update(IReadOnlyList<Catalyst> executors)
    {
        ArgumentNullException.ThrowIfNull(executors);
        _ring = Build(executors, nameof(executors));
    }

    private Ring Build(IReadOnlyList<Catalyst> executors, string parameter)
    {
        if (executors.Count == 0)
        {
            throw new ArgumentException("A placement needs at least one executor.", parameter);
        }

        var points = new ulong[executors.Count * VirtualNodes];
        var owners = new Catalyst[points.Length];
        var i = 0;
        foreach (var executor in executors)
        {
            ArgumentNullException.ThrowIfNull(executor, parameter);
            for (var v = 0; v < VirtualNodes; v++, i++)
            {
                points[i] = KeyHash.OfString($"{executor.Name}#{v}");
                owners[i] = executor;
            }
        }

        Array.Sort(points, owners);
        return new Ring(points, owners, [.. executors]);
    }

    private sealed record Ring(ulong[] Points, Catalyst[] Owners, Catalyst[] Executors);
}

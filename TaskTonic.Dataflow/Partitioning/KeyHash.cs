using System.Runtime.CompilerServices;

namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// Stable 64-bit key hashes: the same key hashes the same in every process and run (string hashing in .NET is randomized
/// per process), so placements, traces and Distiller runs repeat.
/// </summary>
internal static class KeyHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Of<TKey>(TKey key, IEqualityComparer<TKey>? comparer)
        where TKey : notnull
    {
        if (comparer is null)
        {
            switch (key)
            {
                case string s:
                    return OfString(s);
                case int i:
                    return Mix((ulong)(uint)i);
                case long l:
                    return Mix((ulong)l);
                case Guid g:
                    return OfString(g.ToString("N"));
            }
        }

        return Mix((ulong)(uint)(comparer ?? EqualityComparer<TKey>.Default).GetHashCode(key));
    }

    /// <summary>FNV-1a over the UTF-16 code units, then mixed so that nearby strings spread over the ring.</summary>
    public static ulong OfString(string value)
    {
        var hash = FnvOffset;
        foreach (var c in value)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>The SplitMix64 finalizer: every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

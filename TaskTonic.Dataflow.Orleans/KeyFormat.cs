using System.Globalization;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>Turns a partition key into the string part of a grain key and back: string, int, long and Guid keys.</summary>
internal static class KeyFormat<TKey>
    where TKey : notnull
{
    public static void EnsureSupported()
    {
        var t = typeof(TKey);
        if (t != typeof(string) && t != typeof(long) && t != typeof(int) && t != typeof(Guid))
        {
            throw new NotSupportedException($"Keyed tonics over Orleans support string, int, long and Guid keys, not {t.Name}.");
        }
    }

    public static string Format(TKey key) => key switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("N"),
        _ => throw new NotSupportedException($"Unsupported key type {typeof(TKey).Name}."),
    };

    public static TKey Parse(string text)
    {
        object value = typeof(TKey) == typeof(string) ? text
            : typeof(TKey) == typeof(long) ? long.Parse(text, CultureInfo.InvariantCulture)
            : typeof(TKey) == typeof(int) ? int.Parse(text, CultureInfo.InvariantCulture)
            : typeof(TKey) == typeof(Guid) ? Guid.ParseExact(text, "N")
            : throw new NotSupportedException($"Unsupported key type {typeof(TKey).Name}.");
        return (TKey)value;
    }
}

/// <summary>Builds and splits grain keys <c>"{partition}/{key}"</c>.</summary>
internal static class GrainKey
{
    public static string Of(string partition, string key) => partition + "/" + key;

    public static (string Partition, string Key) Split(string grainKey)
    {
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new ArgumentException($"'{grainKey}' is not a keyed-tonic grain key (partition/key).", nameof(grainKey));
        }

        return (grainKey[..slash], grainKey[(slash + 1)..]);
    }
}

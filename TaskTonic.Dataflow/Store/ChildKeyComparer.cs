namespace TaskTonic.Dataflow;

/// <summary>
/// Orders child keys: list items <c>prefix#N</c> by prefix, then numerically by N (<c>#2</c> before <c>#10</c>); other
/// keys ordinally, a plain key before the list items that share its name as prefix.
/// </summary>
internal sealed class ChildKeyComparer : IComparer<string>
{
    public static ChildKeyComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var xi = Split(x, out var xLength);
        var yi = Split(y, out var yLength);
        var byPrefix = x.AsSpan(0, xLength).SequenceCompareTo(y.AsSpan(0, yLength));
        if (byPrefix != 0)
        {
            return byPrefix;
        }

        var byIndex = xi.CompareTo(yi);
        return byIndex != 0 ? byIndex : string.CompareOrdinal(x, y);
    }

    /// <summary>The index of a list key <c>prefix#N</c> and its prefix length, or -1 and the whole key's length.</summary>
    private static long Split(string key, out int prefixLength)
    {
        if (TryParseListKey(key, out prefixLength, out var index))
        {
            return index;
        }

        prefixLength = key.Length;
        return -1;
    }

    /// <summary>True for <c>prefix#N</c> with N a non-negative decimal number; <paramref name="prefixLength"/> excludes the <c>#</c>.</summary>
    internal static bool TryParseListKey(string key, out int prefixLength, out long index)
    {
        var hash = key.LastIndexOf('#');
        prefixLength = hash;
        index = -1;
        if (hash < 0 || hash == key.Length - 1)
        {
            return false;
        }

        var digits = key.AsSpan(hash + 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}

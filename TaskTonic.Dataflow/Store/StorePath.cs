namespace TaskTonic.Dataflow;

/// <summary>Path helpers: <c>/</c>-separated, leading and trailing <c>/</c> stripped, root is <c>""</c>.</summary>
internal static class StorePath
{
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The path has an empty segment (<c>a//b</c>).</exception>
    public static string Normalize(string path, string paramName)
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        if (path.Length > 0 && (path[0] == '/' || path[^1] == '/'))
        {
            path = path.Trim('/');
        }

        if (path.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The store path '{path}' has an empty segment.", paramName);
        }

        return path;
    }

    public static string Combine(string basePath, string relative) =>
        basePath.Length == 0 ? relative : relative.Length == 0 ? basePath : string.Concat(basePath, "/", relative);

    /// <summary>True when <paramref name="path"/> equals <paramref name="ancestor"/> or lies below it (segment-wise; the root contains everything).</summary>
    public static bool IsSelfOrDescendant(string path, string ancestor) =>
        ancestor.Length == 0
        || (path.StartsWith(ancestor, StringComparison.Ordinal) && (path.Length == ancestor.Length || path[ancestor.Length] == '/'));

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    public static string Key(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>True when a segment needs the smart resolver: <c>#</c> appends, a trailing <c>.</c> picks the last list item.</summary>
    public static bool IsSmart(string path) => path.AsSpan().IndexOfAny('#', '.') >= 0;
}

namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    /// <summary>
    /// Writes <paramref name="value"/> at <paramref name="path"/>, creating missing intermediates (value null). A change
    /// is reported only when the value differs (<see cref="object.Equals(object, object)"/>). <c>#</c> in the path
    /// appends a list item (<c>logs/#</c>, <c>sensors/sens#</c>); <c>.</c> is the last item (<c>logs/./level</c>).
    /// Through a link, the target is written. A dictionary value is stored as one value, not expanded.
    /// </summary>
    /// <param name="path">The path; leading and trailing <c>/</c> are ignored.</param>
    /// <param name="value">The value (null clears it; the node stays).</param>
    /// <param name="notify">False writes silently.</param>
    /// <returns>A cursor on the written node (for <c>#</c>: the new list item; through a link: the target).</returns>
    public StoreItem Set(string path, object? value, bool notify = true)
    {
        path = StorePath.Normalize(path, nameof(path));
        Enter(null, true, out var previous);
        try
        {
            return new StoreItem(this, SetLocked(path, value, notify).Path);
        }
        finally
        {
            Exit(previous, true);
        }
    }

    /// <summary>Writes several paths in order, as one atomic group (one flush). A dictionary works as a batch here.</summary>
    /// <param name="batch">The pairs, applied in order.</param>
    /// <param name="notify">False makes the whole batch silent.</param>
    public void Set(IEnumerable<KeyValuePair<string, object?>> batch, bool notify = true)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Set(batch.Select(p => (p.Key, p.Value)), notify);
    }

    /// <summary>Writes several (path, value) pairs in order, as one atomic group (one flush).</summary>
    /// <param name="batch">The pairs, applied in order.</param>
    /// <param name="notify">False makes the whole batch silent.</param>
    public void Set(IEnumerable<(string Path, object? Value)> batch, bool notify = true)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Enter(null, notify, out var previous);
        try
        {
            SetPairsLocked(string.Empty, batch);
        }
        finally
        {
            Exit(previous, notify);
        }
    }

    /// <summary>Appends an empty list item <c>prefix#N</c> under <paramref name="path"/> (N = largest existing index + 1).</summary>
    public StoreItem Append(string path, string? prefix = null) => Set(StorePath.Combine(StorePath.Normalize(path, nameof(path)), (prefix ?? string.Empty) + "#"), null);

    /// <summary>
    /// Appends one list item per element, in one group: a batch of pairs (<c>IEnumerable&lt;(string, object?)&gt;</c>)
    /// becomes the item's children, anything else its value.
    /// </summary>
    public void Extend(string path, IEnumerable<object?> items, string? prefix = null)
    {
        path = StorePath.Normalize(path, nameof(path));
        ArgumentNullException.ThrowIfNull(items);
        var append = StorePath.Combine(path, (prefix ?? string.Empty) + "#");
        Enter(null, true, out var previous);
        try
        {
            foreach (var item in items)
            {
                var pairs = AsPairs(item);
                var node = SetLocked(append, pairs is null ? item : null, notify: true);
                if (pairs is not null)
                {
                    SetPairsLocked(node.Path, pairs);
                }
            }
        }
        finally
        {
            Exit(previous, true);
        }
    }

    /// <summary>
    /// In one group, writes <paramref name="value"/> at <paramref name="subPath"/> below every child of
    /// <paramref name="path"/> (through links); <paramref name="prefix"/> limits it to list items <c>prefix#N</c>.
    /// </summary>
    public void SetEach(string path, string subPath, object? value, string? prefix = null)
    {
        path = StorePath.Normalize(path, nameof(path));
        subPath = StorePath.Normalize(subPath, nameof(subPath));
        Enter(null, true, out var previous);
        try
        {
            foreach (var key in ChildKeysLocked(path, prefix))
            {
                SetLocked(StorePath.Combine(StorePath.Combine(path, key), subPath), value, notify: true);
            }
        }
        finally
        {
            Exit(previous, true);
        }
    }

    internal List<string> ChildKeysLocked(string path, string? prefix)
    {
        var node = ResolveLocked(path, create: false, followFinal: true);
        var keys = new List<string>();
        foreach (var child in node?.SortedChildren() ?? [])
        {
            if (prefix is null || (ChildKeyComparer.TryParseListKey(child.Key, out var length, out _) && child.Key.AsSpan(0, length).SequenceEqual(prefix)))
            {
                keys.Add(child.Key);
            }
        }

        return keys;
    }

    private StoreNode SetLocked(string path, object? value, bool notify)
    {
        var node = ResolveLocked(path, create: true, followFinal: true)!;
        var old = node.Value;
        node.Value = value;
        _journal?.RecordSet(node.Path, value);
        if (notify && !Equals(old, value))
        {
            Emit(node.Path, value, old);
        }

        return node;
    }

    private void SetPairsLocked(string basePath, IEnumerable<(string Path, object? Value)> pairs)
    {
        foreach (var (path, value) in pairs)
        {
            SetLocked(StorePath.Combine(basePath, StorePath.Normalize(path, nameof(pairs))), value, notify: true);
        }
    }

    private static IEnumerable<(string, object?)>? AsPairs(object? item) => item switch
    {
        IEnumerable<(string, object?)> tuples => tuples,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.Select(p => (p.Key, p.Value)),
        _ => null,
    };
}

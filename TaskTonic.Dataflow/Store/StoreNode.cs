namespace TaskTonic.Dataflow;

/// <summary>One node of a <see cref="Store"/>: a value, children, or both; or a link to another path. Guarded by the store's lock.</summary>
internal sealed class StoreNode
{
    public StoreNode(string path, string key, StoreNode? parent)
    {
        Path = path;
        Key = key;
        Parent = parent;
    }

    /// <summary>The full path, <c>""</c> for the root.</summary>
    public string Path { get; }

    /// <summary>The last segment, <c>""</c> for the root.</summary>
    public string Key { get; }

    public StoreNode? Parent { get; }

    public object? Value { get; set; }

    /// <summary>Set when this node is an alias of another path.</summary>
    public StoreLink? Link { get; set; }

    public Dictionary<string, StoreNode>? Children { get; set; }

    /// <summary>Cached largest <c>prefix#N</c> index per prefix; an entry is dropped when its child is removed.</summary>
    public Dictionary<string, int>? ListMax { get; set; }

    public bool HasChildren => Children is { Count: > 0 };

    /// <summary>The children in <see cref="ChildKeyComparer"/> order.</summary>
    public StoreNode[] SortedChildren()
    {
        if (Children is not { Count: > 0 } children)
        {
            return [];
        }

        var sorted = children.Values.ToArray();
        Array.Sort(sorted, static (a, b) => ChildKeyComparer.Instance.Compare(a.Key, b.Key));
        return sorted;
    }
}

namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    // The subtree being removed: its active aliases report their own removal once, not a translated change as well.
    private string? _removing;

    /// <summary>
    /// Removes <paramref name="path"/> and its subtree (through links in the parent segments), reporting
    /// <c>(path, null, old)</c> for the node and then each descendant in path order. A link at the path is removed
    /// itself, not its target; aliases of removed paths are removed too. The root only loses its value.
    /// Subscriptions stay: they see the path again when it is re-created.
    /// </summary>
    /// <returns>False when nothing was at the path.</returns>
    public bool Remove(string path)
    {
        path = StorePath.Normalize(path, nameof(path));
        Enter(null, true, out var previous);
        try
        {
            return RemoveLocked(path);
        }
        finally
        {
            Exit(previous, true);
        }
    }

    /// <summary>Returns the value at <paramref name="path"/> (through links), then removes the path like <see cref="Remove"/>.</summary>
    public object? Pop(string path)
    {
        path = StorePath.Normalize(path, nameof(path));
        Enter(null, true, out var previous);
        try
        {
            var value = ReadLocked(path);
            RemoveLocked(path);
            return value;
        }
        finally
        {
            Exit(previous, true);
        }
    }

    private bool RemoveLocked(string path)
    {
        if (path.Length == 0)
        {
            _root.Value = null;
            return true;
        }

        if (ResolveLocked(path, create: false, followFinal: false) is not { } node)
        {
            return false;
        }

        _journal?.RecordRemove(node.Path);
        var removed = new List<string>();
        var outer = _removing;
        _removing = node.Path;
        try
        {
            RemoveSubtree(node, removed);
        }
        finally
        {
            _removing = outer;
        }

        Detach(node);
        foreach (var gone in removed)
        {
            if (_aliasesByTarget.TryGetValue(gone, out var aliases))
            {
                foreach (var alias in aliases.ToArray())
                {
                    if (_nodes.ContainsKey(alias.Path))
                    {
                        RemoveLocked(alias.Path);
                    }
                }
            }
        }

        return true;
    }

    private void RemoveSubtree(StoreNode node, List<string> removed)
    {
        var old = (object?)node.Link ?? node.Value;
        if (node.Link is not null)
        {
            SetLink(node, null);
        }

        _nodes.Remove(node.Path);
        removed.Add(node.Path);
        Emit(node.Path, null, old);
        foreach (var child in node.SortedChildren())
        {
            RemoveSubtree(child, removed);
        }
    }

    private static void Detach(StoreNode node)
    {
        var parent = node.Parent!;
        parent.Children!.Remove(node.Key);
        if (parent.ListMax is { } cache && ChildKeyComparer.TryParseListKey(node.Key, out var length, out var index)
            && cache.TryGetValue(node.Key[..length], out var max) && index >= max)
        {
            cache.Remove(node.Key[..length]);
        }
    }
}

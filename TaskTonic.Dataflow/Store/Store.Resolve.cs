namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    /// <summary>How many links (and nested resolutions) one lookup may follow before it is declared circular.</summary>
    private const int MaxLinkHops = 64;

    private int _resolveDepth;

    /// <summary>
    /// Finds (or, with <paramref name="create"/>, creates) the node of <paramref name="path"/>, resolving links segment
    /// by segment and the smart segments <c>#</c> (append) and <c>.</c> (last list item). Caller holds the lock.
    /// </summary>
    /// <param name="path">A normalised path.</param>
    /// <param name="create">Create missing nodes (and append for <c>#</c>).</param>
    /// <param name="followFinal">Also follow a link at the last segment (reads and value writes do; link and remove operations do not).</param>
    private StoreNode? ResolveLocked(string path, bool create, bool followFinal)
    {
        if (_nodes.TryGetValue(path, out var hit))
        {
            // A real node is never below a link (links have no children), so a hit needs no walk.
            return followFinal ? Follow(hit, create) : hit;
        }

        if (++_resolveDepth > MaxLinkHops)
        {
            _resolveDepth = 0;
            throw Circular(path);
        }

        try
        {
            return Walk(path, create, followFinal);
        }
        finally
        {
            if (_resolveDepth > 0)
            {
                _resolveDepth--;
            }
        }
    }

    private StoreNode? Walk(string path, bool create, bool followFinal)
    {
        var cursor = _root;
        var segments = path.Split('/');
        if (!create && Array.Exists(segments, s => s.EndsWith('#')))
        {
            throw new ArgumentException($"'#' appends a list item; the path '{path}' cannot be read.", nameof(path));
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var seg = segments[i];
            var last = i == segments.Length - 1;
            if (seg.EndsWith('#'))
            {
                var prefix = seg[..^1];
                cursor = CreateChild(cursor, $"{prefix}#{NextIndex(cursor, prefix)}");
            }
            else if (seg.EndsWith('.'))
            {
                var prefix = seg[..^1];
                if (prefix.Length > 0 && cursor.Children?.GetValueOrDefault(prefix) is { } named)
                {
                    // A child literally named 'prefix' exists: descend into it and take its last '#N'.
                    cursor = Follow(named, create);
                    if (cursor is null)
                    {
                        return null;
                    }

                    prefix = string.Empty;
                }

                var max = NextIndex(cursor, prefix) - 1;
                if (max >= 0)
                {
                    cursor = cursor.Children![$"{prefix}#{max}"];
                }
            }
            else if (cursor.Children?.GetValueOrDefault(seg) is { } child)
            {
                cursor = child;
            }
            else if (create)
            {
                cursor = CreateChild(cursor, seg);
            }
            else
            {
                return null;
            }

            if (!last || followFinal)
            {
                cursor = Follow(cursor, create);
                if (cursor is null)
                {
                    return null;
                }
            }
        }

        return cursor;
    }

    /// <summary>Follows a chain of links to a real node.</summary>
    private StoreNode? Follow(StoreNode? node, bool create)
    {
        var hops = 0;
        while (node?.Link is { } link)
        {
            if (++hops > MaxLinkHops)
            {
                throw Circular(node.Path);
            }

            node = ResolveLocked(link.Target, create, followFinal: false);
        }

        return node;
    }

    private StoreNode CreateChild(StoreNode parent, string key)
    {
        var node = new StoreNode(StorePath.Combine(parent.Path, key), key, parent);
        (parent.Children ??= new Dictionary<string, StoreNode>(StringComparer.Ordinal)).Add(key, node);
        _nodes.Add(node.Path, node);
        if (parent.ListMax is { } cache && ChildKeyComparer.TryParseListKey(key, out var prefixLength, out var index)
            && cache.TryGetValue(key[..prefixLength], out var max) && index > max)
        {
            cache[key[..prefixLength]] = (int)index;
        }

        return node;
    }

    /// <summary>The next free index of <c>prefix#N</c> under <paramref name="node"/>: the largest existing N plus one (0 if none).</summary>
    private static int NextIndex(StoreNode node, string prefix)
    {
        node.ListMax ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (!node.ListMax.TryGetValue(prefix, out var max))
        {
            max = -1;
            foreach (var key in node.Children?.Keys ?? Enumerable.Empty<string>())
            {
                if (ChildKeyComparer.TryParseListKey(key, out var prefixLength, out var index)
                    && prefixLength == prefix.Length && key.AsSpan(0, prefixLength).SequenceEqual(prefix) && index > max)
                {
                    max = (int)index;
                }
            }

            node.ListMax[prefix] = max;
        }

        return max + 1;
    }

    private static InvalidOperationException Circular(string path) =>
        new($"Circular StoreLink detected at '{path}': following its links never reaches a real node.");
}

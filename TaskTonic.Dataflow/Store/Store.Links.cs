namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    // Every alias node by the target path it names; active ones also translate changes (see Bubble).
    private readonly Dictionary<string, List<StoreNode>> _aliasesByTarget = new(StringComparer.Ordinal);
    private int _activeLinks;

    /// <summary>
    /// Makes <paramref name="alias"/> a link to <paramref name="target"/>: reads, writes and listings at the alias and
    /// below resolve to the target (links may be chained). With <paramref name="bubbleEvents"/>, every change at or
    /// below the target is also reported at the alias path. Removing the target removes the alias. Reports one change
    /// at the alias whose value is the <see cref="StoreLink"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The alias is the root.</exception>
    /// <exception cref="InvalidOperationException">The link would be circular, or the alias has children.</exception>
    public StoreItem Link(string alias, string target, bool bubbleEvents = false)
    {
        alias = StorePath.Normalize(alias, nameof(alias));
        target = StorePath.Normalize(target, nameof(target));
        if (alias.Length == 0)
        {
            throw new ArgumentException("The root cannot be a link.", nameof(alias));
        }

        Enter(null, true, out var previous);
        try
        {
            return new StoreItem(this, LinkLocked(alias, target, bubbleEvents).Path);
        }
        finally
        {
            Exit(previous, true);
        }
    }

    private StoreNode LinkLocked(string alias, string target, bool bubbleEvents)
    {
        var node = ResolveLocked(alias, create: true, followFinal: false)!;
        if (node.HasChildren)
        {
            throw new InvalidOperationException($"'{node.Path}' has children; remove them before making it a link.");
        }

        var oldLink = node.Link;
        var oldValue = node.Value;
        var link = new StoreLink(target, bubbleEvents);
        SetLink(node, link);
        try
        {
            ResolveLocked(target, create: false, followFinal: true);
        }
        catch (InvalidOperationException)
        {
            SetLink(node, oldLink);
            node.Value = oldValue;
            throw;
        }

        node.Value = null;
        _journal?.RecordLink(node.Path, link);
        Emit(node.Path, link, (object?)oldLink ?? oldValue);
        return node;
    }

    private void SetLink(StoreNode node, StoreLink? link)
    {
        if (node.Link is { } old && _aliasesByTarget.TryGetValue(old.Target, out var aliases))
        {
            if (aliases.Remove(node))
            {
                _activeLinks -= old.BubbleEvents ? 1 : 0;
            }

            if (aliases.Count == 0)
            {
                _aliasesByTarget.Remove(old.Target);
            }
        }

        node.Link = link;
        if (link is not null)
        {
            if (!_aliasesByTarget.TryGetValue(link.Target, out aliases))
            {
                _aliasesByTarget.Add(link.Target, aliases = []);
            }

            aliases.Add(node);
            _activeLinks += link.BubbleEvents ? 1 : 0;
        }
    }

    /// <summary>Reports a change again at every active alias of the changed path or one of its ancestors.</summary>
    private void Bubble(string path, object? newValue, object? oldValue, int depth)
    {
        if (depth > MaxLinkHops)
        {
            throw Circular(path);
        }

        for (var ancestor = path; ; ancestor = StorePath.Parent(ancestor))
        {
            if (_aliasesByTarget.TryGetValue(ancestor, out var aliases))
            {
                foreach (var alias in aliases.ToArray())
                {
                    if (alias.Link!.BubbleEvents && (_removing is null || !StorePath.IsSelfOrDescendant(alias.Link.Target, _removing)))
                    {
                        var translated = alias.Path + path[ancestor.Length..];
                        _pending.Add(new StoreChange(translated, newValue, oldValue, _source));
                        Bubble(translated, newValue, oldValue, depth + 1);
                    }
                }
            }

            if (ancestor.Length == 0)
            {
                break;
            }
        }
    }
}

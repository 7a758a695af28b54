namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The live infusions (children) of a tonic, in creation order. Thread-safe: every member locks the list.
/// </summary>
/// <remarks>
/// Children complete one by one, often in creation order. Removing each from a <see cref="List{T}"/> would shift the
/// rest (O(n²) for a wide tree), so a completed child only empties its slot (each child knows its slot) and the slots
/// are compacted once more than half of them are empty: O(1) amortised per completion.
/// </remarks>
internal sealed class InfusionList
{
    private const int CompactAbove = 16;
    private readonly List<Tonic?> _slots = [];
    private int _live;
    private int _liveCatalysts;
    private bool _closed;

    /// <summary>The list of every tonic that closed its infusions before it had any.</summary>
    public static InfusionList ClosedEmpty { get; } = new() { _closed = true };

    /// <summary>The number of live infusions.</summary>
    public int Count
    {
        get
        {
            lock (_slots)
            {
                return _live;
            }
        }
    }

    /// <summary>True when an infusion that is not a catalyst is alive.</summary>
    public bool HasNonCatalyst
    {
        get
        {
            lock (_slots)
            {
                return _live > _liveCatalysts;
            }
        }
    }

    /// <exception cref="InvalidOperationException">The list was closed: its owner is finishing its infusions.</exception>
    public void Add(Tonic child, Tonic owner)
    {
        lock (_slots)
        {
            if (_closed)
            {
                throw new InvalidOperationException($"Cannot create {child.GetType().Name} as an infusion of {owner.Name}: it is finishing its infusions.");
            }

            child.InfusionSlot = _slots.Count;
            _slots.Add(child);
            Track(child, +1);
        }
    }

    public void Remove(Tonic child)
    {
        lock (_slots)
        {
            var slot = child.InfusionSlot;
            if (slot >= _slots.Count || !ReferenceEquals(_slots[slot], child))
            {
                return;
            }

            _slots[slot] = null;
            Track(child, -1);
            var empty = _slots.Count - _live;
            if (empty > CompactAbove && empty > _live)
            {
                Compact();
            }
        }
    }

    /// <summary>Puts <paramref name="fresh"/> in the slot of <paramref name="old"/> (a supervised restart keeps the child's place).</summary>
    public void Replace(Tonic old, Tonic fresh)
    {
        lock (_slots)
        {
            var slot = old.InfusionSlot;
            if (slot < _slots.Count && ReferenceEquals(_slots[slot], old))
            {
                _slots[slot] = fresh;
                fresh.InfusionSlot = slot;
            }
        }
    }

    /// <summary>The live infusions in creation order.</summary>
    public Tonic[] Snapshot()
    {
        lock (_slots)
        {
            return SnapshotLocked();
        }
    }

    /// <summary>Refuses new infusions from now on and returns the live ones in creation order.</summary>
    public Tonic[] Close()
    {
        lock (_slots)
        {
            _closed = true;
            return SnapshotLocked();
        }
    }

    private Tonic[] SnapshotLocked()
    {
        if (_live == 0)
        {
            return [];
        }

        var live = new Tonic[_live];
        var next = 0;
        foreach (var child in _slots)
        {
            if (child is not null)
            {
                live[next++] = child;
            }
        }

        return live;
    }

    private void Track(Tonic child, int delta)
    {
        _live += delta;
        if (child.IsCatalyst)
        {
            _liveCatalysts += delta;
        }
    }

    private void Compact()
    {
        var next = 0;
        for (var i = 0; i < _slots.Count; i++)
        {
            if (_slots[i] is { } child)
            {
                child.InfusionSlot = next;
                _slots[next++] = child;
            }
        }

        _slots.RemoveRange(next, _slots.Count - next);
    }
}

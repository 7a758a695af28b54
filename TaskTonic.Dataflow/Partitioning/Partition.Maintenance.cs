namespace TaskTonic.Dataflow.Partitioning;

public sealed partial class Partition<TKey, T>
{
    /// <summary>On the resizing thread: re-place every live key on the new set and move those whose catalyst changed.</summary>
    private void OnPoolResized(object? sender, EventArgs e)
    {
        lock (_gate)
        {
            if (IsFinishing)
            {
                return;
            }

            var catalysts = Pool.Catalysts;
            Placement.Update(catalysts);
            foreach (var (key, entry) in _entries)
            {
                if (entry.Pinned is { } pinned && !catalysts.Contains(pinned))
                {
                    entry.Pinned = null;
                }

                MoveIfNeeded(entry, entry.Pinned ?? Placement.Place(key));
            }
        }
    }

    /// <summary>On the partition's catalyst, every check interval: passivate idle keys, then ask the rebalance policy.</summary>
    private void Check()
    {
        if (_options?.IdleTimeout is { } idle)
        {
            Sweep(idle);
        }

        if (_options?.RebalancePolicy is { } policy)
        {
            Rebalance(policy);
        }
    }

    private void Sweep(TimeSpan idle)
    {
        var now = Ledger.TimeProvider.GetUtcNow();
        List<(TKey Key, T Tonic)>? passivated = null;
        lock (_gate)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.ClearTouched())
                {
                    entry.IdleSince = now;
                }
                else if (now - entry.IdleSince >= idle && entry.TryClaim())
                {
                    _entries.TryRemove(key, out _);
                    (passivated ??= []).Add((key, entry.Tonic));
                }
            }
        }

        foreach (var (key, tonic) in passivated ?? [])
        {
            Passivate(key, tonic);
            Interlocked.Increment(ref _passivations);
        }
    }

    private void Rebalance(IRebalancePolicy policy)
    {
        lock (_gate)
        {
            var perCatalyst = _entries.ToLookup(e => e.Value.Target);
            var loads = Pool.Catalysts.Select(c => new CatalystLoad(c, c.QueuedWorkOrders, perCatalyst[c].Count())).ToList();
            if (policy.Decide(loads) is not { } move || ReferenceEquals(move.From, move.To) || !Pool.Catalysts.Contains(move.To))
            {
                return;
            }

            foreach (var (_, entry) in perCatalyst[move.From].Take(move.Keys))
            {
                entry.Pinned = move.To;
                MoveIfNeeded(entry, move.To);
            }
        }
    }

    /// <summary>Under the gate.</summary>
    private void MoveIfNeeded(KeyedEntry<T> entry, Catalyst target)
    {
        if (ReferenceEquals(entry.Target, target) || entry.Tonic.IsFinishing)
        {
            return;
        }

        entry.Tonic.MoveTo(target);
        entry.Target = target;
        Interlocked.Increment(ref _moves);
    }

    /// <summary>Runs <c>Save</c> after the tonic's queued work, then finishes it.</summary>
    private void Passivate(TKey key, T tonic)
    {
        if (_options?.Save is { } save)
        {
            tonic.PostUserCallback(() => save(key, tonic));
        }

        tonic.RequestFinish();
    }

    /// <summary>The partition finishes: every live key saves its state before the infusions finish.</summary>
    private protected override void OnFinishing()
    {
        Pool.Resized -= OnPoolResized;
        List<KeyValuePair<TKey, KeyedEntry<T>>> live;
        lock (_gate)
        {
            live = [.. _entries];
            _entries.Clear();
        }

        foreach (var (key, entry) in live)
        {
            entry.Claim();
            if (_options?.Save is { } save)
            {
                entry.Tonic.PostUserCallback(() => save(key, entry.Tonic));
            }
        }
    }
}

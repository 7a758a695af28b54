using System.Collections.Concurrent;

namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    // Filled under the lock (so in write order), drained outside it by one thread at a time.
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private int _draining;
    private long _callbackFailures;

    /// <summary>
    /// Raised (on the delivering thread) when a plain callback or an entry point throws; the store goes on delivering.
    /// Failures are also counted in <see cref="CallbackFailures"/>.
    /// </summary>
    public event EventHandler<StoreCallbackFailedEventArgs>? CallbackFailed;

    /// <summary>The number of deliveries whose callback threw.</summary>
    public long CallbackFailures => Interlocked.Read(ref _callbackFailures);

    /// <summary>Matches the pending changes against the subscriptions and queues one delivery per subscription.</summary>
    private void FlushLocked()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        // The pending list is reused: nothing emits while it is matched (snapshots only read).
        var pending = _pending;
        List<StoreSubscription>? order = null;
        try
        {
            var lookup = _subscriptions.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var change in pending)
            {
                var key = change.Path.AsSpan();
                while (true)
                {
                    if (lookup.TryGetValue(key, out var list))
                    {
                        foreach (var s in list)
                        {
                            if (s.Matches(change, out var basePath))
                            {
                                // Each subscription collects its hits in its own scratch list (used only under the lock).
                                if (s.Hits.Count == 0)
                                {
                                    (order ??= []).Add(s);
                                }

                                s.Hits.Add((change, basePath));
                            }
                        }
                    }

                    if (key.Length == 0)
                    {
                        break;
                    }

                    var slash = key.LastIndexOf('/');
                    key = slash < 0 ? [] : key[..slash];
                }
            }

            foreach (var s in order ?? [])
            {
                var hits = s.Hits;
                StoreChange[] changes;
                if (s.Options.Extract is { } fields)
                {
                    changes = Extract(hits, fields);
                }
                else
                {
                    changes = new StoreChange[hits.Count];
                    for (var i = 0; i < changes.Length; i++)
                    {
                        changes[i] = hits[i].Change;
                    }
                }

                hits.Clear();
                _deliveries.Enqueue(new Delivery(s, new StoreChanges(s.Path, changes)));
            }
        }
        finally
        {
            pending.Clear();
            foreach (var s in order ?? [])
            {
                s.Hits.Clear();
            }
        }
    }

    private StoreChange[] Extract(List<(StoreChange Change, string Base)> hits, IReadOnlyList<string> fields)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<StoreChange>();
        foreach (var (change, basePath) in hits)
        {
            if (seen.Add(basePath))
            {
                result.Add(new StoreChange(basePath, SnapshotLocked(basePath, fields), change.OldValue, change.Source));
            }
        }

        return [.. result];
    }

    private Dictionary<string, object?> SnapshotLocked(string basePath, IReadOnlyList<string> fields)
    {
        var snapshot = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            snapshot[field] = field == "." ? ReadLocked(basePath) : ReadLocked(StorePath.Combine(basePath, StorePath.Normalize(field, nameof(fields))));
        }

        return snapshot;
    }

    /// <summary>Delivers queued changes until the queue is empty; returns at once when another thread (or an outer frame) is draining.</summary>
    private void Drain()
    {
        while (!_deliveries.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }

            try
            {
                while (_deliveries.TryDequeue(out var delivery))
                {
                    Deliver(delivery);
                }
            }
            finally
            {
                Volatile.Write(ref _draining, 0);
            }
        }
    }

    private void Deliver(Delivery delivery)
    {
        var subscription = delivery.Subscription;
        if (!subscription.IsActive)
        {
            return;
        }

        if (subscription.Tonic is { IsFinishing: true })
        {
            // Its tonic is going away: the subscription dies with it instead of queuing work that would be dropped.
            RemoveSubscription(subscription);
            return;
        }

        try
        {
            ((Action<StoreChanges>)subscription.Handler)(delivery.Changes);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _callbackFailures);
            try
            {
                CallbackFailed?.Invoke(this, new StoreCallbackFailedEventArgs(subscription, delivery.Changes, e));
            }
            catch (Exception)
            {
                // A failing failure handler must not stop delivery; the failure is already counted.
            }
        }
    }

    private readonly record struct Delivery(StoreSubscription Subscription, StoreChanges Changes);
}

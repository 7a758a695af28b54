namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    private readonly Dictionary<string, List<StoreSubscription>> _subscriptions = new(StringComparer.Ordinal);
    private int _subscriptionCount;

    /// <summary>
    /// Subscribes a tonic through one of its generated entry points (e.g. <c>Subscribe("config", NotifyConfigChanged)</c>
    /// for <c>ttse__on_config_changed(StoreChanges changes)</c>): each flush that touches the path queues one work order
    /// with its matching changes, in occurrence order, on the tonic's catalyst. The subscription is removed when the
    /// tonic finishes (right after its <c>ttse__on_finished</c>).
    /// </summary>
    /// <param name="path">A path or a pattern (<c>*</c> one segment, <c>**</c> one or more).</param>
    /// <param name="entryPoint">The generated entry point, taking a <see cref="StoreChanges"/>.</param>
    /// <param name="options">Filters and shape; null for an exact subscription.</param>
    /// <exception cref="ArgumentException"><paramref name="entryPoint"/> is not a generated entry point of a tonic.</exception>
    public StoreSubscription Subscribe(string path, Action<StoreChanges> entryPoint, StoreSubscribeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        if (entryPoint.Target is not Tonic tonic || entryPoint.GetInvocationList().Length != 1
            || tonic.Descriptor.FindSparkle(entryPoint.Method.Name) < 0)
        {
            throw new ArgumentException(
                "Pass a generated entry point of a tonic (e.g. tonic.NotifyConfigChanged for ttse__on_config_changed(StoreChanges)), " +
                "so the changes arrive as sparkles on its catalyst; code outside tonics uses SubscribeCallback.", nameof(entryPoint));
        }

        return Add(path, entryPoint, tonic, options);
    }

    /// <summary>
    /// Subscribes plain (non-tonic) code: <paramref name="callback"/> runs after the writing operation released the store,
    /// on the thread that drains the delivery queue (a writer's), one call per flush, never concurrently with itself or
    /// another callback of this store. Exceptions are counted and reported through <see cref="CallbackFailed"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="callback"/> is a method of a tonic (use <see cref="Subscribe"/>).</exception>
    public StoreSubscription SubscribeCallback(string path, Action<StoreChanges> callback, StoreSubscribeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Target is Tonic)
        {
            throw new ArgumentException("A tonic subscribes with one of its entry points through Subscribe, so its code runs on its catalyst.", nameof(callback));
        }

        return Add(path, callback, null, options);
    }

    /// <summary>Removes every subscription whose callback or entry point equals <paramref name="target"/>, or whose owner is it.</summary>
    /// <returns>The number of subscriptions removed.</returns>
    public int Unsubscribe(object target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RemoveWhere(null, s => Equals(s.Handler, target) || ReferenceEquals(s.Owner, target));
    }

    /// <summary>Removes the subscriptions made exactly on <paramref name="path"/>: all, or those whose callback or owner is <paramref name="target"/>.</summary>
    public int UnsubscribeAt(string path, object? target = null)
    {
        path = StorePath.Normalize(path, nameof(path));
        return RemoveWhere(path, s => target is null || Equals(s.Handler, target) || ReferenceEquals(s.Owner, target));
    }

    /// <summary>The number of live subscriptions.</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptionCount);

    /// <summary>Called on the tonic's catalyst once it finishes: its subscriptions die with it.</summary>
    internal void TonicFinishing(Tonic tonic) => RemoveWhere(null, s => ReferenceEquals(s.Tonic, tonic));

    internal void RemoveSubscription(StoreSubscription subscription) => RemoveWhere(subscription.Pattern.Path, s => ReferenceEquals(s, subscription));

    private StoreSubscription Add(string path, Delegate handler, Tonic? tonic, StoreSubscribeOptions? options)
    {
        options ??= StoreSubscribeOptions.Exact;
        path = StorePath.Normalize(path, nameof(path));
        var subscription = new StoreSubscription(this, new PathPattern(path, options.Recursive), options, handler, tonic, options.Owner ?? (object?)tonic ?? handler.Target);
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(subscription.Pattern.StaticKey, out var list))
            {
                _subscriptions.Add(subscription.Pattern.StaticKey, list = []);
            }

            list.Add(subscription);
            _subscriptionCount++;
            if (tonic is not null && !tonic.AddStoreSubscriber(this))
            {
                // Subscribed while finishing: it dies at once, like every other subscription of the tonic.
                RemoveSubscription(subscription);
                return subscription;
            }

            if (options.TriggerNow)
            {
                EnqueueInitLocked(subscription);
            }
        }

        if (!_lock.IsHeldByCurrentThread)
        {
            Drain();
        }

        return subscription;
    }

    private int RemoveWhere(string? exactPath, Func<StoreSubscription, bool> match)
    {
        var removed = 0;
        lock (_lock)
        {
            foreach (var list in _subscriptions.Values)
            {
                removed += list.RemoveAll(s =>
                {
                    if ((exactPath is not null && s.Pattern.Path != exactPath) || !match(s))
                    {
                        return false;
                    }

                    s.MarkRemoved();
                    return true;
                });
            }

            _subscriptionCount -= removed;
        }

        return removed;
    }

    /// <summary>Queues the trigger-now changes of a new subscription: its current value, or one per existing wildcard match.</summary>
    private void EnqueueInitLocked(StoreSubscription subscription)
    {
        var pattern = subscription.Pattern;
        var bases = pattern.IsWildcard
            ? _nodes.Keys.Where(pattern.MatchesExactly).Order(PathComparer.Instance).ToList()
            : [pattern.Path];
        if (bases.Count == 0)
        {
            return;
        }

        var changes = bases.Select(b => new StoreChange(b, subscription.Options.Extract is { } fields ? SnapshotLocked(b, fields) : ReadLocked(b), null, StoreChange.InitSource));
        _deliveries.Enqueue(new Delivery(subscription, new StoreChanges(subscription.Path, [.. changes])));
    }
}

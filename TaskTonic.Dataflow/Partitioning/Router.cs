namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// A tonic owning a fixed set of routees spread over a <see cref="CatalystPool"/> (one or more per catalyst), with the
/// usual routing choices. Send through the routees' generated entry points: <c>router.Next().Handle(x)</c>,
/// <c>router.ForKey(symbol).Handle(x)</c>, <c>router.Broadcast(r =&gt; r.Handle(x))</c>.
/// </summary>
/// <remarks>
/// The routees are created when the router is; they are its infusions and finish with it. Their number is fixed, but
/// they follow the pool: when it is resized, routee <c>i</c> moves to the pool's catalyst <c>i mod count</c> (work
/// already queued for it moves with it, in order), so none is left on a removed catalyst and growth spreads them again.
/// <see cref="ForKey{TKey}"/> keeps mapping a key to the same routee. Every choice is callable from any thread.
/// </remarks>
/// <typeparam name="T">The routee type.</typeparam>
public sealed partial class Router<T> : Tonic
    where T : Tonic
{
    private readonly CatalystPool _pool;
    private readonly T[] _routees;
    private readonly ulong[] _seeds;
    private int _next = -1;
    private long _lateReplies;

    /// <summary>Creates the router and its routees.</summary>
    /// <param name="pool">The catalysts the routees run on, assigned in pool order.</param>
    /// <param name="factory">Creates routee <c>i</c>: it must pass the given <see cref="TonicOptions"/> to the routee's constructor.</param>
    /// <param name="routeesPerCatalyst">How many routees per catalyst (at least one).</param>
    /// <param name="name">The router's name; null for the default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="routeesPerCatalyst"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null or ignored the options.</exception>
    public Router(CatalystPool pool, Func<int, TonicOptions, T> factory, int routeesPerCatalyst = 1, string? name = null)
        : base(Checked(pool, factory, routeesPerCatalyst, name), null, null, null)
    {
        var catalysts = pool.Catalysts;
        _routees = new T[catalysts.Count * routeesPerCatalyst];
        _seeds = new ulong[_routees.Length];
        try
        {
            for (var i = 0; i < _routees.Length; i++)
            {
                var catalyst = catalysts[i % catalysts.Count];
                var routee = factory(i, new TonicOptions { Parent = this, Catalyst = catalyst });
                if (routee is null || !ReferenceEquals(routee.Parent, this) || !ReferenceEquals(routee.Catalyst, catalyst))
                {
                    throw new InvalidOperationException($"The factory of {Name} must return a new {typeof(T).Name} created with the TonicOptions it was given.");
                }

                _routees[i] = routee;
                _seeds[i] = KeyHash.Mix((ulong)i + 0x9E3779B97F4A7C15UL);
            }
        }
        catch
        {
            RequestFinish();
            throw;
        }

        _pool = pool;
        pool.Resized += OnPoolResized;
    }

    /// <summary>The routees, in creation order.</summary>
    public IReadOnlyList<T> Routees => _routees;

    /// <summary>Replies to a scatter-gather that arrived after its result was delivered (counted, not delivered).</summary>
    public long LateReplies => Interlocked.Read(ref _lateReplies);

    /// <summary>Round-robin: the routees in turn.</summary>
    public T Next() => _routees[(int)((uint)Interlocked.Increment(ref _next) % (uint)_routees.Length)];

    /// <summary>Least-queued: the routee whose catalyst has the fewest work orders waiting (the first such on ties).</summary>
    public T LeastQueued()
    {
        var best = _routees[0];
        var shortest = best.Catalyst.QueuedWorkOrders;
        for (var i = 1; i < _routees.Length && shortest > 0; i++)
        {
            var queued = _routees[i].Catalyst.QueuedWorkOrders;
            if (queued < shortest)
            {
                (best, shortest) = (_routees[i], queued);
            }
        }

        return best;
    }

    /// <summary>
    /// Consistent hash by key (rendezvous hashing): the same key always gets the same routee, so work per key stays in
    /// order, and the key hash is stable across runs.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public T ForKey<TKey>(TKey key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = KeyHash.Of(key, null);
        var best = 0;
        var bestWeight = 0UL;
        for (var i = 0; i < _routees.Length; i++)
        {
            var weight = KeyHash.Mix(hash ^ _seeds[i]);
            if (weight > bestWeight)
            {
                (best, bestWeight) = (i, weight);
            }
        }

        return _routees[best];
    }

    /// <summary>Broadcast: calls <paramref name="send"/> once per routee, in order (typically a generated entry point).</summary>
    public void Broadcast(Action<T> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        foreach (var routee in _routees)
        {
            send(routee);
        }
    }

    /// <summary>On the resizing thread: spread the routees over the new set again, moving those whose catalyst changes.</summary>
    private void OnPoolResized(object? sender, EventArgs e)
    {
        var catalysts = _pool.Catalysts;
        if (IsFinishing || catalysts.Count == 0)
        {
            return;
        }

        for (var i = 0; i < _routees.Length; i++)
        {
            var target = catalysts[i % catalysts.Count];
            if (!ReferenceEquals(_routees[i].Catalyst, target) && !_routees[i].IsFinishing)
            {
                _routees[i].MoveTo(target);
            }
        }
    }

    private protected override void OnFinishing() => _pool.Resized -= OnPoolResized;

    internal void CountLateReply() => Interlocked.Increment(ref _lateReplies);

    private static string? Checked(CatalystPool pool, Delegate factory, int routeesPerCatalyst, string? name)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(routeesPerCatalyst);
        return name;
    }
}

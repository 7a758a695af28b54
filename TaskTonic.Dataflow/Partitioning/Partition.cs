using System.Collections.Concurrent;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// A keyed set of tonics spread over a <see cref="CatalystPool"/>: <see cref="For"/> returns the tonic of a key, created
/// on demand by the factory on the catalyst the placement gives the key. Call the tonic's generated entry points:
/// <c>partition.For(key).Apply(x)</c>. The partition is a tonic; the keyed tonics are its infusions and finish with it.
/// </summary>
/// <remarks>
/// <para>Guarantees: work sent to one key runs in the order it was sent from one sender, also across moves (pool
/// resized, load rebalanced) and passivation (the old incarnation runs all its queued work and <c>Save</c> before it
/// finishes). There is no order between keys.</para>
/// <para>Call <see cref="For"/> for each send instead of keeping the tonic: a tonic may be passivated once it was not
/// asked for during <see cref="PartitionOptions{TKey, T}.IdleTimeout"/>; work sent to a passivated incarnation is
/// dropped and counted as a dead letter (<see cref="Ledger.DeadLetters"/>).</para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="T">The keyed tonic type.</typeparam>
public sealed partial class Partition<TKey, T> : Tonic
    where TKey : notnull
    where T : Tonic
{
    private readonly Lock _gate = new();
    private readonly Func<TKey, TonicOptions, T> _factory;
    private readonly PartitionOptions<TKey, T>? _options;
    private readonly ConcurrentDictionary<TKey, KeyedEntry<T>> _entries;
    private long _activations;
    private long _passivations;
    private long _moves;

    /// <summary>Creates a partition over <paramref name="pool"/>.</summary>
    /// <param name="pool">The catalysts keys are placed on; resizing it moves keys.</param>
    /// <param name="factory">Creates the tonic of a key: it must pass the given <see cref="TonicOptions"/> to the tonic's constructor.</param>
    /// <param name="options">Placement, passivation and rebalancing; null for the defaults.</param>
    /// <exception cref="InvalidOperationException">Created outside a sparkle, formula step or spawn scope, or the pool is finishing.</exception>
    public Partition(CatalystPool pool, Func<TKey, TonicOptions, T> factory, PartitionOptions<TKey, T>? options = null)
        : base(Checked(pool, factory, options), null, null, null)
    {
        Pool = pool;
        _factory = factory;
        _options = options;
        _entries = new ConcurrentDictionary<TKey, KeyedEntry<T>>(options?.Comparer ?? EqualityComparer<TKey>.Default);
        Placement = options?.Placement ?? new ConsistentHashPlacement<TKey>(pool.Catalysts, comparer: options?.Comparer);
        pool.Resized += OnPoolResized;
        if (options?.IdleTimeout is not null || options?.RebalancePolicy is not null)
        {
            var interval = options.CheckInterval ?? (options.IdleTimeout is { } idle ? idle / 4 : TimeSpan.FromSeconds(1));
            _ = new RepeatTimer(interval, "partition-check", _ => Check(), owner: this);
        }
    }

    /// <summary>The pool the keys are spread over.</summary>
    public CatalystPool Pool { get; }

    /// <summary>Which catalyst runs which key.</summary>
    public IPlacement<TKey> Placement { get; }

    /// <summary>The number of live keyed tonics.</summary>
    public int ActiveKeys => _entries.Count;

    /// <summary>How many keyed tonics were created (a key passivated and asked for again counts again).</summary>
    public long Activations => Interlocked.Read(ref _activations);

    /// <summary>How many keyed tonics were passivated for idleness.</summary>
    public long Passivations => Interlocked.Read(ref _passivations);

    /// <summary>How many keyed tonics were moved to another catalyst (resize or rebalancing).</summary>
    public long Moves => Interlocked.Read(ref _moves);

    /// <summary>
    /// Returns the tonic of <paramref name="key"/>, creating it (and running <c>Restore</c> first) when it is not live.
    /// Callable from any thread and from any sparkle.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The partition is finishing, or the factory returned null or ignored the options.</exception>
    /// <remarks>An exception thrown by the factory propagates to the caller; nothing is kept and the next call tries again.</remarks>
    public T For(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.TryGetValue(key, out var entry) && entry.Touch() && !entry.Tonic.IsFinishing)
        {
            return entry.Tonic;
        }

        return Activate(key);
    }

    /// <summary>The number of live keys per catalyst of the pool (keys moving count on their destination).</summary>
    public IReadOnlyDictionary<Catalyst, int> KeysPerCatalyst()
    {
        lock (_gate)
        {
            var counts = Pool.Catalysts.ToDictionary(c => c, _ => 0);
            foreach (var entry in _entries.Values)
            {
                counts[entry.Target] = counts.GetValueOrDefault(entry.Target) + 1;
            }

            return counts;
        }
    }

    private T Activate(TKey key)
    {
        lock (_gate)
        {
            if (IsFinishing)
            {
                throw new InvalidOperationException($"{Name} is finishing; it creates no keyed tonics.");
            }

            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.Touch() && !entry.Tonic.IsFinishing)
                {
                    return entry.Tonic;
                }

                entry.Claim();
                _entries.TryRemove(key, out _);
            }

            var catalyst = Placement.Place(key);
            T? tonic = null;
            Pool.InScope(() => tonic = _factory(key, new TonicOptions { Parent = this, Catalyst = catalyst }));
            if (tonic is null || !ReferenceEquals(tonic.Parent, this) || !ReferenceEquals(tonic.Catalyst, catalyst))
            {
                tonic?.RequestFinish();
                throw new InvalidOperationException(
                    $"The factory of {Name} must return a new {typeof(T).Name} created with the TonicOptions it was given (base and catalyst).");
            }

            if (_options?.Restore is { } restore)
            {
                tonic.PostUserCallback(() => restore(key, tonic));
            }

            _entries[key] = new KeyedEntry<T>(tonic, catalyst);
            Interlocked.Increment(ref _activations);
            return tonic;
        }
    }

    private static string? Checked(CatalystPool pool, Func<TKey, TonicOptions, T> factory, PartitionOptions<TKey, T>? options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(factory);
        if (pool.IsFinishing)
        {
            throw new InvalidOperationException($"{pool.Name} is finishing; a partition cannot be created over it.");
        }

        if (options?.IdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), idle, "IdleTimeout must be positive.");
        }

        return options?.Name;
    }
}

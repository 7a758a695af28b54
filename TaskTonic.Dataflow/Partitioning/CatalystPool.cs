using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// A resizable set of catalysts to partition work over. The pool is a tonic: create it in a formula step or a sparkle;
/// its catalysts are its infusions and finish with it (and so with its owner). Each catalyst stays alive while it is in
/// the pool, even with nothing bound to it. Under the Distiller (package TaskTonic.Dataflow.Testing) the catalysts run deterministically
/// like any other.
/// </summary>
/// <example>
/// <code>
/// var pool = new CatalystPool(new CatalystPoolOptions { Size = 4 });
/// var partition = new Partition&lt;string, Account&gt;(pool, (key, options) =&gt; new Account(key, options));
/// partition.For("alice").Deposit(10);
/// </code>
/// </example>
public sealed class CatalystPool : Tonic
{
    private readonly Lock _gate = new();
    private readonly CatalystThreading _threading;
    private Catalyst[] _catalysts = [];
    private int _nextIndex;

    /// <summary>Creates the pool and its catalysts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive.</exception>
    /// <exception cref="InvalidOperationException">Created outside a sparkle, formula step or spawn scope.</exception>
    public CatalystPool(CatalystPoolOptions? options = null)
        : base(Validated(options).Name, null, null, null)
    {
        _threading = options?.Threading ?? CatalystThreading.ThreadPool;
        Resize(options?.Size ?? Environment.ProcessorCount);
    }

    /// <summary>Raised, on the thread that resized, after the pool grew or shrank (<see cref="Catalysts"/> already shows the new set).</summary>
    public event EventHandler? Resized;

    /// <summary>The number of catalysts in the pool now.</summary>
    public int Size => Volatile.Read(ref _catalysts).Length;

    /// <summary>The catalysts in the pool now, oldest first.</summary>
    public IReadOnlyList<Catalyst> Catalysts => Volatile.Read(ref _catalysts);

    /// <summary>
    /// Grows or shrinks the pool to <paramref name="size"/> catalysts. Growing adds new catalysts; shrinking takes the
    /// newest out of the pool, raises <see cref="Resized"/> (partitions move their keys away) and then finishes them:
    /// each completes once the tonics still bound to it have moved away or completed. Callable from any thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The pool is finishing.</exception>
    public void Resize(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Catalyst[] removed;
        lock (_gate)
        {
            if (IsFinishing)
            {
                throw new InvalidOperationException($"{Name} is finishing; it cannot be resized.");
            }

            var current = _catalysts;
            if (size == current.Length)
            {
                return;
            }

            removed = size < current.Length ? current[size..] : [];
            var next = size < current.Length ? current[..size] : Grow(current, size);
            Volatile.Write(ref _catalysts, next);
            Resized?.Invoke(this, EventArgs.Empty);
        }

        foreach (var catalyst in removed)
        {
            catalyst.RequestFinish();
        }
    }

    private Catalyst[] Grow(Catalyst[] current, int size)
    {
        var next = new Catalyst[size];
        current.CopyTo(next, 0);
        InScope(() =>
        {
            for (var i = current.Length; i < size; i++)
            {
                var catalyst = new Catalyst(new CatalystOptions { Name = $"{Name}.c{_nextIndex++}", Parent = this, Threading = _threading });
                _ = new PoolResident(catalyst);
                next[i] = catalyst;
            }
        });
        return next;
    }

    /// <summary>Runs <paramref name="action"/> where tonics of this ledger may be created (a spawn scope when called from outside).</summary>
    internal void InScope(Action action)
    {
        if (ReferenceEquals(Ambient.Ledger, Ledger))
        {
            action();
            return;
        }

        Ledger.Spawn(() =>
        {
            action();
            return this;
        }, this);
    }

    private static CatalystPoolOptions Validated(CatalystPoolOptions? options)
    {
        if (options?.Size is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Size, "A catalyst pool needs at least one catalyst (Size must be positive).");
        }

        return options ?? new CatalystPoolOptions();
    }
}

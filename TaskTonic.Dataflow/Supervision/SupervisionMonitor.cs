using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// The ledger's view of supervision: every decision as an observable event with counts, the failure that escalated
/// past a root (<see cref="Fault"/>), and <see cref="Spawn{T}"/> to create supervised tonics from outside any sparkle.
/// </summary>
/// <remarks>Observers run synchronously on the deciding thread (a catalyst, or a timer thread during backoff): keep them quick and thread-safe.</remarks>
public sealed class SupervisionMonitor : IObservable<SupervisionEvent>
{
    private static readonly int s_kinds = Enum.GetValues<SupervisionEventKind>().Length;

    private readonly Ledger _ledger;
    private readonly long[] _counts = new long[s_kinds];
    private readonly Lock _gate = new();
    private IObserver<SupervisionEvent>[] _observers = [];
    private Exception? _fault;

    internal SupervisionMonitor(Ledger ledger)
    {
        _ledger = ledger;
    }

    /// <summary>
    /// The first failure that escalated past a root tonic while <see cref="FormulaOptions.RootEscalation"/> is
    /// <see cref="RootEscalation.FailFormula"/>; <see cref="Formula.RunAsync"/> rethrows it. Null while none did.
    /// </summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>The number of events of this kind so far.</summary>
    public long CountOf(SupervisionEventKind kind) =>
        (uint)kind < (uint)_counts.Length ? Interlocked.Read(ref _counts[(int)kind]) : 0;

    /// <summary>
    /// Creates a supervised tonic from code outside any sparkle (tests, hosts): <paramref name="factory"/> runs in a
    /// spawn scope with <paramref name="parent"/> as the base (null: a root bound to the main catalyst) and is kept to
    /// build fresh instances when <paramref name="policy"/> restarts it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The factory did not create a new tonic with that base, or created a catalyst.</exception>
    public T Spawn<T>(Func<T> factory, SupervisionPolicy policy, Tonic? parent = null)
        where T : Tonic
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(policy);
        return _ledger.Spawn(() => Tonic.CreateSupervised(factory, policy, parent), parent);
    }

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<SupervisionEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    internal void Publish(SupervisionEventKind kind, Tonic tonic, Exception? exception, TimeSpan? delay = null)
    {
        Interlocked.Increment(ref _counts[(int)kind]);
        var observers = Volatile.Read(ref _observers);
        if (observers.Length == 0)
        {
            return;
        }

        var e = new SupervisionEvent(kind, tonic, exception, tonic.RestartCount, delay, _ledger.TimeProvider.GetUtcNow());
        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(e);
            }
            catch (Exception ex)
            {
                RuntimeLog.HandlerFailed(_ledger.GetLogger(typeof(SupervisionMonitor)), ex, e.ToString());
            }
        }
    }

    /// <summary>A failure escalated past <paramref name="root"/>: apply the formula's root rule.</summary>
    internal void RootFailed(Tonic root, Exception exception)
    {
        Publish(SupervisionEventKind.RootFailed, root, exception);
        var logger = _ledger.GetLogger(root.GetType());
        if (logger.IsEnabled(LogLevel.Critical))
        {
            SupervisionLog.RootFailed(logger, exception, root.Name, _ledger.Settings.RootEscalation);
        }
        if (_ledger.Settings.RootEscalation == RootEscalation.FailFormula)
        {
            Interlocked.CompareExchange(ref _fault, exception, null);
            _ledger.Shutdown();
        }
    }

    private void Unsubscribe(IObserver<SupervisionEvent> observer)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_observers, observer);
            if (index >= 0)
            {
                _observers = [.. _observers[..index], .. _observers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(SupervisionMonitor owner, IObserver<SupervisionEvent> observer) : IDisposable
    {
        private IObserver<SupervisionEvent>? _observer = observer;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _observer, null) is { } o)
            {
                owner.Unsubscribe(o);
            }
        }
    }
}

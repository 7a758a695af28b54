using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.DeadLetters;

/// <summary>
/// The ledger's one place to observe work that did not run to completion: every work order that was dropped (sent to a
/// finishing or completed tonic, to a completed catalyst, into the old state of a restarted tonic, to a full bounded
/// mailbox, or to an unknown address) and every work order whose sparkle threw. Counts are kept always, per
/// <see cref="DeadLetterReason"/>, and exported on the meter as <see cref="Telemetry.TonicTelemetry.Instruments.DeadLettered"/>;
/// <see cref="DeadLetter"/> objects are built only while someone subscribes.
/// </summary>
/// <remarks>
/// Observers are called synchronously on the thread that dropped the work order or ran the failed sparkle (often a
/// catalyst): keep them quick and thread-safe. An observer that throws is logged and kept.
/// </remarks>
public sealed class DeadLetterSink : IObservable<DeadLetter>
{
    private static readonly int s_reasons = Enum.GetValues<DeadLetterReason>().Length;

    private readonly Ledger _ledger;
    private readonly long[] _counts = new long[s_reasons];
    private readonly Lock _gate = new();
    private IObserver<DeadLetter>[] _observers = [];

    internal DeadLetterSink(Ledger ledger)
    {
        _ledger = ledger;
    }

    /// <summary>All dead letters so far.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Interlocked.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>The dead letters so far with this reason.</summary>
    public long CountOf(DeadLetterReason reason) =>
        (uint)reason < (uint)_counts.Length ? Interlocked.Read(ref _counts[(int)reason]) : 0;

    /// <summary>
    /// Calls <paramref name="onNext"/> for every later dead letter, until the returned subscription is disposed.
    /// The same as <see cref="Subscribe(IObserver{DeadLetter})"/> with an observer that only has <c>OnNext</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="onNext"/> is null.</exception>
    public IDisposable Subscribe(Action<DeadLetter> onNext)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        return Subscribe(new ActionObserver(onNext));
    }

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<DeadLetter> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    /// <summary>
    /// Reports a message for an address that matched no live tonic (for components that send by name or id).
    /// </summary>
    /// <param name="address">The name or id that was not found.</param>
    /// <param name="sparkleName">The sparkle the message was meant for.</param>
    /// <param name="arguments">The message's arguments.</param>
    public void ReportUnknownTarget(string address, string sparkleName, object? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(sparkleName);
        var context = SparkleContext.Current;
        Publish(null, address, sparkleName, arguments, context.IsActive ? context.Source : SparkleSource.None, DeadLetterReason.UnknownTarget,
            null, null);
    }

    internal void OnDropped(in WorkOrder order, DeadLetterReason reason)
    {
        Interlocked.Increment(ref _counts[(int)reason]);
        if (Volatile.Read(ref _observers).Length == 0)
        {
            return;
        }

        var target = order.Target;
        Publish(target, target.Name, Tonic.NameOfSparkle(target, order.Sparkle), order.Args, Tonic.SourceOf(order.Source, order.SourceSparkle),
            reason, null, target.StateName, count: false);
    }

    internal void OnFailed(SparkleFailure failure, object? arguments)
    {
        Interlocked.Increment(ref _counts[(int)DeadLetterReason.Failed]);
        if (Volatile.Read(ref _observers).Length == 0)
        {
            return;
        }

        Publish(failure.Tonic, failure.Tonic.Name, failure.SparkleName, arguments, failure.Source, DeadLetterReason.Failed, failure.Exception,
            failure.StateName, count: false);
    }

    private void Publish(Tonic? target, string targetName, string sparkleName, object? arguments, SparkleSource source, DeadLetterReason reason,
        Exception? exception, string? stateName, bool count = true)
    {
        if (count)
        {
            Interlocked.Increment(ref _counts[(int)reason]);
        }

        var observers = Volatile.Read(ref _observers);
        if (observers.Length == 0)
        {
            return;
        }

        var letter = new DeadLetter(target, targetName, sparkleName, arguments, source, reason, exception, _ledger.TimeProvider.GetUtcNow(), stateName);
        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(letter);
            }
            catch (Exception ex)
            {
                RuntimeLog.HandlerFailed(_ledger.GetLogger(typeof(DeadLetterSink)), ex, letter.ToString());
            }
        }
    }

    private void Unsubscribe(IObserver<DeadLetter> observer)
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

    private sealed class ActionObserver(Action<DeadLetter> onNext) : IObserver<DeadLetter>
    {
        public void OnNext(DeadLetter value) => onNext(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    private sealed class Subscription(DeadLetterSink owner, IObserver<DeadLetter> observer) : IDisposable
    {
        private IObserver<DeadLetter>? _observer = observer;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _observer, null) is { } o)
            {
                owner.Unsubscribe(o);
            }
        }
    }
}

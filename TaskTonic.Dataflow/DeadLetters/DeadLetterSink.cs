using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.DeadLetters;

/// <summary>
/// The ledger's dead-letter office: every work order that was dropped (sent to a finishing or completed tonic, to a
/// completed catalyst, into the old state of a restarted tonic, or to an unknown address) and every work order whose
/// sparkle threw. Counts are kept always; <see cref="DeadLetter"/> objects are built only while someone subscribes.
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
        Publish(null, address, sparkleName, arguments, context.IsActive ? context.Source : SparkleSource.None, DeadLetterReason.UnknownTarget, null);
    }

    internal void OnDropped(in WorkOrder order, DropReason reason)
    {
        var deadReason = reason switch
        {
            DropReason.TonicCompleted => DeadLetterReason.TonicCompleted,
            DropReason.CatalystCompleted => DeadLetterReason.CatalystCompleted,
            DropReason.TonicRestarted => DeadLetterReason.TonicRestarted,
            DropReason.MailboxFull => DeadLetterReason.MailboxFull,
            _ => DeadLetterReason.TonicFinishing,
        };
        Interlocked.Increment(ref _counts[(int)deadReason]);
        if (Volatile.Read(ref _observers).Length == 0)
        {
            return;
        }

        var target = order.Target;
        Publish(target, target.Name, Tonic.NameOfSparkle(target, order.Sparkle), order.Args, Tonic.SourceOf(order.Source, order.SourceSparkle),
            deadReason, null, count: false);
    }

    internal void OnFailed(SparkleFailure failure, object? arguments)
    {
        Interlocked.Increment(ref _counts[(int)DeadLetterReason.Failed]);
        if (Volatile.Read(ref _observers).Length == 0)
        {
            return;
        }

        Publish(failure.Tonic, failure.Tonic.Name, failure.SparkleName, arguments, failure.Source, DeadLetterReason.Failed, failure.Exception, count: false);
    }

    private void Publish(Tonic? target, string targetName, string sparkleName, object? arguments, SparkleSource source, DeadLetterReason reason,
        Exception? exception, bool count = true)
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

        var letter = new DeadLetter(target, targetName, sparkleName, arguments, source, reason, exception, _ledger.TimeProvider.GetUtcNow());
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

namespace TaskTonic.Dataflow.Testing;

/// <summary>The distiller's <see cref="Distiller.TraceStream"/>: a minimal subject, called on the distiller's thread.</summary>
internal sealed class TraceSubject : IObservable<SparkleTrace>
{
    private IObserver<SparkleTrace>[] _observers = [];
    private bool _completed;

    public IDisposable Subscribe(IObserver<SparkleTrace> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (_completed)
        {
            observer.OnCompleted();
            return Unsubscriber.Empty;
        }

        _observers = [.. _observers, observer];
        return new Unsubscriber(this, observer);
    }

    public void Next(SparkleTrace entry)
    {
        foreach (var observer in _observers)
        {
            observer.OnNext(entry);
        }
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var observers = _observers;
        _observers = [];
        foreach (var observer in observers)
        {
            observer.OnCompleted();
        }
    }

    private void Remove(IObserver<SparkleTrace> observer) => _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];

    private sealed class Unsubscriber(TraceSubject? subject, IObserver<SparkleTrace>? observer) : IDisposable
    {
        public static Unsubscriber Empty { get; } = new(null, null);

        public void Dispose()
        {
            if (subject is not null && observer is not null)
            {
                subject.Remove(observer);
            }
        }
    }
}

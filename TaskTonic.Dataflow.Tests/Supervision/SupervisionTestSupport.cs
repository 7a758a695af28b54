using System.Collections.Concurrent;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Supervision;

/// <summary>Collects the items of an observable (dead letters, supervision events) as they are published.</summary>
internal sealed class Collector<T> : IObserver<T>
{
    public ConcurrentQueue<T> Items { get; } = new();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void OnNext(T value) => Items.Enqueue(value);
}

/// <summary>A worker that records what it processed and fails on every <c>failEvery</c>-th work order.</summary>
internal sealed partial class FlakyWorker : Tonic
{
    private readonly List<int> _processed;
    private readonly int _failEvery;

    public FlakyWorker(List<int> processed, int failEvery, string? name = null)
        : base(name)
    {
        _processed = processed;
        _failEvery = failEvery;
        Instance = Interlocked.Increment(ref s_instances);
    }

    private static int s_instances;

    /// <summary>A number per constructed instance, to tell incarnations apart.</summary>
    public int Instance { get; }

    /// <summary>Work orders this incarnation processed (fields start anew on restart).</summary>
    public int ProcessedHere { get; private set; }

    public List<RestartInfo> Restarts { get; } = [];

    private void ttsc__work(int n)
    {
        if (_failEvery > 0 && n % _failEvery == 0)
        {
            throw new InvalidOperationException("fail " + n);
        }

        ProcessedHere++;
        _processed.Add(n);
    }

    private void ttse__on_restart(RestartInfo info) => Restarts.Add(info);

    private void ttsc__done(TaskCompletionSource<int> done) => done.TrySetResult(_processed.Count);
}

internal static class SupervisionTestSupport
{
    /// <summary>A distiller whose dead letters and supervision events are collected.</summary>
    public static (Distiller Distiller, Collector<DeadLetter> Letters, Collector<SupervisionEvent> Events) Start(FormulaOptions? settings = null)
    {
        var distiller = settings is null
            ? new Distiller()
            : new Distiller(new Formula(settings));
        var letters = new Collector<DeadLetter>();
        var events = new Collector<SupervisionEvent>();
        distiller.Ledger.DeadLetters.Subscribe(letters);
        distiller.Ledger.Supervision.Subscribe(events);
        distiller.Start();
        return (distiller, letters, events);
    }

    public static FormulaOptions VirtualSettings(SupervisionPolicy? policy = null, RootEscalation root = RootEscalation.FailFormula) => new()
    {
        TimeProvider = new VirtualClock(),
        Supervision = policy ?? SupervisionPolicy.Resume,
        RootEscalation = root,
    };
}

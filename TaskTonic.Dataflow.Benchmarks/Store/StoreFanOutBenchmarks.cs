using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Runtime;

namespace TaskTonic.Dataflow.Benchmarks.Store;

/// <summary>
/// Issue 16: notification fan-out as sparkles. 100 tonics subscribe to one path with an entry point; one operation
/// is one change delivered to one tonic (a work order queued by the writer and run on the main catalyst).
/// </summary>
[MemoryDiagnoser]
public class StoreFanOutBenchmarks
{
    private const int Listeners = 100;
    private const int Sets = 100;
    private RuntimeHost? _host;
    private TaskTonic.Dataflow.Store _store = new();
    private StoreListener[] _listeners = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _host = new RuntimeHost();
        _store = new TaskTonic.Dataflow.Store();
        _listeners = [.. Enumerable.Range(0, Listeners).Select(_ => _host.Spawn(() => new StoreListener(_store)))];
        foreach (var listener in _listeners)
        {
            listener.Subscribed.Wait(TimeSpan.FromSeconds(30));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(OperationsPerInvoke = Listeners * Sets)]
    public void FanOutToTonics()
    {
        var done = new CountdownEvent(Listeners);
        foreach (var listener in _listeners)
        {
            listener.Expect(Sets, done);
        }

        var round = ++_round * Sets;
        for (var i = 0; i < Sets; i++)
        {
            _store.Set("fan/value", round + i);
        }

        done.Wait(TimeSpan.FromSeconds(60));
    }
}

/// <summary>A tonic that subscribes to <c>fan/value</c> and signals once it received the expected number of changes.</summary>
public sealed partial class StoreListener : Tonic
{
    private readonly TaskTonic.Dataflow.Store _store;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left;
    private CountdownEvent? _done;

    public StoreListener(TaskTonic.Dataflow.Store store) => _store = store;

    public Task Subscribed => _subscribed.Task;

    /// <summary>Arms the next round; called from the benchmark thread before any set of the round.</summary>
    public void Expect(int changes, CountdownEvent done)
    {
        Volatile.Write(ref _done, done);
        Volatile.Write(ref _left, changes);
    }

    private void ttse__on_start()
    {
        _store.Subscribe("fan/value", NotifyFanChanged);
        _subscribed.TrySetResult();
    }

    private void ttse__on_fan_changed(StoreChanges changes)
    {
        if (Interlocked.Add(ref _left, -changes.Count) == 0)
        {
            Volatile.Read(ref _done)!.Signal();
        }
    }
}

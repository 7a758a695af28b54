using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Store;

/// <summary>
/// Issue 16: sets per second on a <see cref="TaskTonic.Dataflow.Store"/> with 0, 1 and 100 subscribers (plain callbacks on
/// the written subtree, so every set is delivered to each), against a <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// write of the same paths. One operation is one set.
/// </summary>
[MemoryDiagnoser]
public class StoreSetBenchmarks
{
    private const int Sets = 10_000;
    private static readonly string[] s_paths = [.. Enumerable.Range(0, 100).Select(i => $"sensors/s{i}/value")];
    private readonly ConcurrentDictionary<string, object?> _dictionary = new(StringComparer.Ordinal);
    private TaskTonic.Dataflow.Store _store = new();
    private long _delivered;
    private int _round;

    /// <summary>Subscribers on <c>sensors</c> (recursive): each receives every set.</summary>
    [Params(0, 1, 100)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new TaskTonic.Dataflow.Store();
        for (var i = 0; i < Subscribers; i++)
        {
            _store.SubscribeCallback("sensors", c => _delivered += c.Count, new StoreSubscribeOptions { Recursive = true });
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sets)]
    public void ConcurrentDictionarySet()
    {
        var round = ++_round;
        for (var i = 0; i < Sets; i++)
        {
            _dictionary[s_paths[i % s_paths.Length]] = round + i;
        }
    }

    [Benchmark(OperationsPerInvoke = Sets)]
    public long StoreSet()
    {
        var round = ++_round;
        for (var i = 0; i < Sets; i++)
        {
            _store.Set(s_paths[i % s_paths.Length], round + i);
        }

        return _delivered;
    }
}

using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Store;

/// <summary>
/// Issue 16: memory per node. One operation creates one leaf node (<c>devices/dN/value</c> under 100 parents), so the
/// allocated bytes per operation are the cost of a node; the baseline stores the same path in a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/>.
/// </summary>
[MemoryDiagnoser]
public class StoreMemoryBenchmarks
{
    private const int Nodes = 10_000;
    private static readonly string[] s_paths = [.. Enumerable.Range(0, Nodes).Select(i => $"devices/g{i % 100}/d{i}")];

    [Benchmark(Baseline = true, OperationsPerInvoke = Nodes)]
    public int ConcurrentDictionaryEntries()
    {
        var dictionary = new ConcurrentDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var path in s_paths)
        {
            dictionary[path] = null;
        }

        return dictionary.Count;
    }

    [Benchmark(OperationsPerInvoke = Nodes)]
    public int StoreNodes()
    {
        var store = new TaskTonic.Dataflow.Store();
        foreach (var path in s_paths)
        {
            store.Set(path, null);
        }

        return store.NodeCount;
    }
}

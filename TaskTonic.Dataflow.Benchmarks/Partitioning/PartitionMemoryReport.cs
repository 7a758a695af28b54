using System.Globalization;
using TaskTonic.Dataflow.Benchmarks.Runtime;

namespace TaskTonic.Dataflow.Benchmarks.Partitioning;

/// <summary><c>--partition-memory</c>: the retained heap per idle key (a live keyed tonic nobody sends to), outside BenchmarkDotNet.</summary>
internal static class PartitionMemoryReport
{
    public static string Run(int keys)
    {
        using var host = new RuntimeHost();
        var partition = PartitionHost.Create(host, 2);
        var counters = partition.Counters!;
        for (var key = -1_000; key < 0; key++)
        {
            counters.For(key);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var key = 0; key < keys; key++)
        {
            counters.For(key);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(counters);
        return string.Create(CultureInfo.InvariantCulture,
            $"Idle keys: {keys:N0} keyed tonics on 2 catalysts retain {(after - before) / (double)keys:N0} B per key (GC.GetTotalMemory(true), after − before).");
    }
}

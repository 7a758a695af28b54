using System.Diagnostics;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>One measured round of one variant: throughput and the latency percentiles.</summary>
internal sealed record RoundResult(double MessagesPerSecond, double P50Microseconds, double P99Microseconds, double CpuMicroseconds, double BytesAllocated);

/// <summary>
/// Sends <c>perKey</c> numbers to each of <c>keys</c> keys: one closed loop per key (the next number of a key is sent
/// once the previous one was acknowledged), all keys at once, so up to <c>keys</c> messages are in flight. Latency of a
/// message = from the send call to its task completing (the handler ran and the acknowledgement came back). Also counts
/// process CPU time and bytes allocated per message (all threads: client, silos and catalysts are in this process).
/// </summary>
internal static class ClosedLoopDriver
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    public static async Task<RoundResult> RunAsync(IKeyedVariant variant, int keyBase, int keys, int perKey, long firstNumber)
    {
        // the previous run's garbage is collected now, not charged to this one
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var latencies = new long[keys * perKey];
        var sent = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var started = Stopwatch.GetTimestamp();
        var loops = new Task[keys];
        for (var key = 0; key < keys; key++)
        {
            loops[key] = LoopAsync(key);
        }

        await Task.WhenAll(loops).WaitAsync(Guard).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / latencies.Length;
        var bytesPerMessage = (double)(GC.GetTotalAllocatedBytes(precise: false) - allocated) / latencies.Length;
        if (Interlocked.Read(ref sent) != latencies.Length)
        {
            throw new InvalidOperationException($"{variant.Name}: {sent} of {latencies.Length} sends acknowledged.");
        }

        Array.Sort(latencies);
        return new RoundResult(latencies.Length / elapsed.TotalSeconds, Micro(latencies[latencies.Length / 2]),
            Micro(latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))]), cpuPerMessage, bytesPerMessage);

        async Task LoopAsync(int key)
        {
            await Task.Yield();
            for (var i = 0; i < perKey; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await variant.SendAsync(keyBase + key, firstNumber + i).ConfigureAwait(false);
                latencies[(key * perKey) + i] = Stopwatch.GetTimestamp() - t0;
                Interlocked.Increment(ref sent);
            }
        }
    }

    /// <summary>Checks every key saw exactly <paramref name="expected"/> numbers, in order; returns a problem or null.</summary>
    public static async Task<string?> VerifyAsync(IKeyedVariant variant, int keyBase, int keys, long expected)
    {
        var tallies = await Task.WhenAll(Enumerable.Range(keyBase, keys).Select(variant.TallyAsync)).WaitAsync(Guard).ConfigureAwait(false);
        var wrong = tallies.Count(t => t != new KeyTally(expected, expected, 0));
        return wrong == 0 && variant.Anomalies == 0
            ? null
            : $"{variant.Name}: {wrong} of {keys} keys not at ({expected}, {expected}, 0 out of order), {variant.Anomalies} failed/duplicated";
    }

    private static double Micro(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

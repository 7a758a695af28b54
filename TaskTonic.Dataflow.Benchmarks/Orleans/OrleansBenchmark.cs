using System.Globalization;
using System.Runtime;
using System.Text;
using Orleans.TestingHost;
using TaskTonic.Dataflow.Benchmarks.Reporting;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>
/// <c>--orleans</c> (issue 18): the keyed scenario in process, over our Orleans partition on 1 and 3 silos, and on plain
/// Orleans grains on 1 and 3 silos, interleaved round by round in one process; medians of the rounds.
/// </summary>
internal static class OrleansBenchmark
{
    private const int Keys = 1_024;

    /// <summary>Closed loops of the light-load latency run (on keys of their own, after the 1,024).</summary>
    private const int LightKeys = 8;

    /// <summary>Keys of the loaded and the light runs together (0 … AllKeys - 1).</summary>
    public const int AllKeys = Keys + LightKeys;
    private const double Target = 1.2;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(bool quick)
    {
        var perKey = quick ? 5 : 100;
        var lightPerKey = quick ? 20 : 250;
        var rounds = quick ? 3 : 7;
        var warmUps = quick ? 1 : 2; // the process speeds up over its first rounds (tiered JIT, GC budgets): two are not measured
        var loadBefore = MachineInfo.LoadAverage();
        Console.WriteLine($"orleans: {Keys * perKey:N0} messages over {Keys:N0} keys per round, {rounds} rounds; load before {loadBefore}");
        TestCluster? one = null, three = null;
        using var inProcess = new InProcessVariant();
        try
        {
            one = await BenchCluster.StartAsync(1);
            three = await BenchCluster.StartAsync(3);
            IKeyedVariant[] variants =
            [
                inProcess,
                new OursVariant(one, 1), new PlainGrainVariant(one, 1),
                new OursVariant(three, 3), new PlainGrainVariant(three, 3),
                new OursVariant(one, 1, keptReferences: true),
                new PlainGrainVariant(one, 1, PlainMode.CachedReferences),
                new PlainGrainVariant(one, 1, PlainMode.OffTurn),
                new PlainGrainVariant(one, 1, PlainMode.Serialized),
            ];
            var sent = new long[variants.Length];
            var lightSent = new long[variants.Length];
            var results = variants.Select(_ => new List<RoundResult>()).ToArray();
            var light = variants.Select(_ => new List<RoundResult>()).ToArray();
            var problems = new List<string>();
            for (var round = -warmUps; round < rounds; round++)
            {
                var size = perKey; // warm-up rounds run at full size: every key activated, tiered JIT at its final code
                // every other round runs the variants in reverse order: none always follows the same neighbour
                for (var i = 0; i < variants.Length; i++)
                {
                    var v = round % 2 == 0 ? i : variants.Length - 1 - i;
                    var result = await ClosedLoopDriver.RunAsync(variants[v], 0, Keys, size, sent[v] + 1);
                    sent[v] += size;
                    var lightSize = lightPerKey;
                    var lightResult = await ClosedLoopDriver.RunAsync(variants[v], Keys, LightKeys, lightSize, lightSent[v] + 1);
                    lightSent[v] += lightSize;
                    if (round >= 0)
                    {
                        results[v].Add(result);
                        light[v].Add(lightResult);
                    }

                    foreach (var problem in new[]
                    {
                        await ClosedLoopDriver.VerifyAsync(variants[v], 0, Keys, sent[v]),
                        await ClosedLoopDriver.VerifyAsync(variants[v], Keys, LightKeys, lightSent[v]),
                    })
                    {
                        if (problem is not null)
                        {
                            problems.Add(problem);
                        }
                    }
                }

                Console.WriteLine(round < 0 ? $"warm-up round {round + warmUps + 1} done" : $"round {round + 1} done (load {MachineInfo.LoadAverage()})");
            }

            var report = Report(variants, results, light, (Keys * perKey, LightKeys * lightPerKey), rounds, loadBefore, problems, quick);
            Console.WriteLine(report);
            Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
            var path = Path.Combine("BenchmarkDotNet.Artifacts", "orleans.md");
            await File.WriteAllTextAsync(path, report);
            Console.WriteLine($"Written to {path}");
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (three is not null)
            {
                await BenchCluster.StopAsync(three);
            }

            if (one is not null)
            {
                await BenchCluster.StopAsync(one);
            }
        }
    }

    private static string Report(IKeyedVariant[] variants, List<RoundResult>[] results, List<RoundResult>[] light, (int Loaded, int Light) messages, int rounds,
        string loadBefore, List<string> problems, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv, $"# Keyed messages in process vs over Orleans ({(quick ? "quick mode: numbers mean little" : "full mode")})");
        text.AppendLine();
        text.AppendLine(Inv, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var line in MachineInfo.Describe())
        {
            text.AppendLine(line);
        }

        text.AppendLine(Inv, $"- Orleans {MachineInfo.VersionOf("Orleans.Runtime")} (TestingHost, silos in this process, loopback)");
        text.AppendLine(Inv, $"- Load average (1/5/15 min): {loadBefore} before, {MachineInfo.LoadAverage()} after");
        text.AppendLine(Inv, $"- Per round: {messages.Loaded:N0} messages over {Keys:N0} keys, one closed loop per key ({Keys:N0} in flight), ≈1 µs of work per message; then a light-load run: {messages.Light:N0} messages over {LightKeys} other keys ({LightKeys} in flight); {rounds} rounds interleaved (every other round in reverse order), a full garbage collection before each run, medians shown");
        text.AppendLine("- Latency: from the send call to its task completing (handler ran, acknowledgement back); ours: `OrleansPartition.SendAsync`, plain: the grain call");
        text.AppendLine(GCSettings.IsServerGC
            ? "- GC: server GC, as Orleans recommends for silos (the benchmark re-launches itself with it; `--workstation-gc` runs it under the default workstation GC)"
            : "- GC: workstation GC (`--workstation-gc`; the default run uses server GC, as Orleans recommends for silos)");
        text.AppendLine("- Ours: guarantee `AtLeastOnceDeduplicated` (default), no checkpoint inside the run; plain grains persist nothing");
        text.AppendLine("- CPU µs/msg and B/msg: process CPU time and bytes allocated per message during the 1,024-loop run (client, silos and catalysts all in this process)");
        text.AppendLine("- Overhead = plain msg/s ÷ ours msg/s (time per message, ours ÷ plain), same silo count; target ≤ 1.2×. CPU = ours ÷ plain CPU µs/msg (steadier than msg/s on a loaded box)");
        text.AppendLine();
        text.AppendLine(Inv, $"| variant | messages/s ({Keys:N0} in flight) | p50 µs | p99 µs | overhead vs plain grains | CPU µs/msg | B/msg | light load ({LightKeys} in flight): p50 / p99 µs | msg/s per round |");
        text.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---|");
        for (var v = 0; v < variants.Length; v++)
        {
            var r = results[v];
            var overhead = "—";
            if (variants[v] is OursVariant ours)
            {
                // like with like: For(key) per message against GetGrain(key) per call, kept references against kept references
                var mode = ours.KeptReferences ? PlainMode.CachedReferences : PlainMode.PerCall;
                var plain = Array.FindIndex(variants, p => p is PlainGrainVariant pg && pg.Mode == mode && p.Silos == ours.Silos);
                var ratio = Median(results[plain].Select(x => x.MessagesPerSecond)) / Median(r.Select(x => x.MessagesPerSecond));
                var cpu = Median(r.Select(x => x.CpuMicroseconds)) / Median(results[plain].Select(x => x.CpuMicroseconds));
                overhead = string.Format(Inv, "{0:0.00}× vs plain grains{1} ({2}); CPU {3:0.00}×", ratio,
                    ours.KeptReferences ? " with references kept" : string.Empty, ratio <= Target ? "met" : "not met", cpu);
            }
            else if (variants[v] is PlainGrainVariant { Mode: PlainMode.Serialized } serialized)
            {
                var kept = Array.FindIndex(variants, p => p is OursVariant { KeptReferences: true } && p.Silos == serialized.Silos);
                var ratio = Median(r.Select(x => x.MessagesPerSecond)) / Median(results[kept].Select(x => x.MessagesPerSecond));
                var cpu = Median(results[kept].Select(x => x.CpuMicroseconds)) / Median(r.Select(x => x.CpuMicroseconds));
                overhead = string.Format(Inv, "ours (references kept) vs this: {0:0.00}×; CPU {1:0.00}×", ratio, cpu);
            }

            text.AppendLine(Inv, $"| {variants[v].Name} | {Median(r.Select(x => x.MessagesPerSecond)):N0} | {Median(r.Select(x => x.P50Microseconds)):N0} | {Median(r.Select(x => x.P99Microseconds)):N0} | {overhead} | {Median(r.Select(x => x.CpuMicroseconds)):N1} | {Median(r.Select(x => x.BytesAllocated)):N0} | {Median(light[v].Select(x => x.P50Microseconds)):N0} / {Median(light[v].Select(x => x.P99Microseconds)):N0} | {string.Join(" / ", r.Select(x => x.MessagesPerSecond.ToString("N0", Inv)))} |");
        }

        text.AppendLine();
        text.AppendLine(problems.Count == 0
            ? "Checks: every key of every variant saw all its numbers, in order; nothing lost, failed or duplicated."
            : "Checks FAILED:\n- " + string.Join("\n- ", problems));
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

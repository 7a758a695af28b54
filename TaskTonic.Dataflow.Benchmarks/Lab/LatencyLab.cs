using System.Diagnostics;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;
using TaskTonic.Dataflow.Benchmarks.Reporting;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Lab;

/// <summary>
/// <c>--latency-lab</c> (issue 12): cross-catalyst ping-pong variants side by side in one process, interleaved round by
/// round so every variant sees the same load; prints the median ns/message and B/message per shape, then idle CPU.
/// </summary>
internal static class LatencyLab
{
    private sealed record Variant(string Name, Func<IPingPongImplementation> Create);

    public static void Run(int messages, int rounds)
    {
        Variant[] variants =
        [
            new("bare ActionBlock", () => new ActionBlockPingPong()),
            new("Akka.NET", () => new AkkaNetPingPong()),
            new("Proto.Actor", () => new ProtoActorPingPong()),
            new("ours default layout", () => new TaskTonicPingPong()),
            new("ours spread", () => new TaskTonicPingPong(spread: true)),
            new("ours spread, global-queue scheduler", () => new TaskTonicPingPong(spread: true, name => new CatalystOptions { Name = name, TaskScheduler = GlobalQueueScheduler.Instance })),
        ];
        PingPongShape[] shapes = [new(1, 1, 0), new(1, 100, 0), new(8, 1, 0)];
        Console.WriteLine($"latency lab: {messages:N0} messages per run, {rounds} interleaved rounds; load before {MachineInfo.LoadAverage()}");
        foreach (var shape in shapes)
        {
            var results = variants.ToDictionary(v => v.Name, _ => new List<(double Ns, double Bytes)>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var variant in variants)
                {
                    results[variant.Name].Add(Measure(variant, shape, messages));
                }
            }

            Console.WriteLine($"\n{shape.Pairs} pair(s) × {shape.InFlight} in flight (load {MachineInfo.LoadAverage()})");
            Console.WriteLine("| variant | ns/msg median | B/msg median | ns/msg per round |");
            Console.WriteLine("|---|---:|---:|---|");
            foreach (var variant in variants)
            {
                var r = results[variant.Name];
                Console.WriteLine($"| {variant.Name} | {Median(r.Select(x => x.Ns)):0} | {Median(r.Select(x => x.Bytes)):0} | {string.Join(" / ", r.Select(x => x.Ns.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} |");
            }
        }

        IdleCpu();
    }

    private static (double Ns, double Bytes) Measure(Variant variant, PingPongShape shape, int messages)
    {
        var done = new CompletionSignal();
        using var implementation = variant.Create();
        var roundTrips = messages / (2 * shape.Pairs);
        implementation.Setup(shape with { RoundTripsPerPair = roundTrips }, done);

        // One warm-up run, then the measured one.
        done.Reset(shape.Pairs);
        implementation.Start();
        done.Wait();
        GC.Collect();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        done.Reset(shape.Pairs);
        implementation.Start();
        done.Wait();
        var elapsed = clock.Elapsed;
        bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var total = 2.0 * roundTrips * shape.Pairs;
        return (elapsed.TotalNanoseconds / total, bytes / total);
    }

    /// <summary>CPU time of the process while 16 catalysts sit idle, and while each gets one message per millisecond.</summary>
    private static void IdleCpu()
    {
        Console.WriteLine($"\nidle CPU (load {MachineInfo.LoadAverage()}): 16 spread catalysts (8 pairs), process CPU ms per wall second");
        Console.WriteLine("| variant | idle (after a burst) | 1 ping per ms per pair |");
        Console.WriteLine("|---|---:|---:|");
        var done = new CompletionSignal();
        using var implementation = new TaskTonicPingPong(spread: true);
        implementation.Setup(new PingPongShape(8, 1, 1), done);
        void RoundTrip()
        {
            done.Reset(8);
            implementation.Start();
            done.Wait();
        }

        for (var i = 0; i < 1000; i++)
        {
            RoundTrip();
        }

        var idle = CpuPerSecond(TimeSpan.FromSeconds(2), null);
        var slow = CpuPerSecond(TimeSpan.FromSeconds(2), RoundTrip);
        Console.WriteLine($"| ours spread | {idle:0.0} | {slow:0.0} |");
    }

    private static double CpuPerSecond(TimeSpan duration, Action? tick)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            tick?.Invoke();
            Thread.Sleep(1);
        }

        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalMilliseconds / clock.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Reporting;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

namespace TaskTonic.Dataflow.Benchmarks.Memory;

/// <summary>
/// <c>--memory</c>: for every <see cref="ISpawnImplementation"/>, holds <see cref="BenchmarkSize.SpawnActors"/>
/// idle actors alive and reports the retained heap per actor (<see cref="GC.GetTotalMemory"/> with a full
/// collection, before and after), plus allocation and time per actor. Outside BenchmarkDotNet.
/// </summary>
internal static class IdleMemoryReport
{
    /// <summary>The file name, written into <c>BenchmarkDotNet.Artifacts</c> of the current directory.</summary>
    public const string FileName = "idle-memory.md";

    private const int WarmUpActors = 1_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Measures every implementation, prints the markdown table and writes it to the artifacts folder.</summary>
    public static void Run(string mode)
    {
        var count = BenchmarkSize.SpawnActors;
        var loadBefore = MachineInfo.LoadAverage();
        var rows = new List<(string Key, Round First, Round Second)>();
        foreach (var type in DiscoverImplementations())
        {
            var key = type.Name.EndsWith("Spawn", StringComparison.Ordinal) ? type.Name[..^"Spawn".Length] : type.Name;
            Console.Error.WriteLine($"measuring {key} …");
            using var implementation = (ISpawnImplementation)Activator.CreateInstance(type)!;
            var done = new CompletionSignal();
            implementation.Setup(done);
            SpawnRound.SpawnAndGreet(implementation, done, Math.Min(WarmUpActors, count)).StopAll();
            var first = Measure(implementation, done, count);
            var second = Measure(implementation, done, count);
            rows.Add((key, first, second));
        }

        var text = Render(rows, count, mode, loadBefore);
        Console.WriteLine(text);
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), text);
        Console.Error.WriteLine($"written to {Path.Combine(folder, FileName)}");
    }

    private static IEnumerable<Type> DiscoverImplementations() =>
        typeof(IdleMemoryReport).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false }
                && typeof(ISpawnImplementation).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => Implementations.SortKey(t.Name.Replace("Spawn", string.Empty, StringComparison.Ordinal)));

    private static Round Measure(ISpawnImplementation implementation, CompletionSignal done, int count)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var actors = SpawnRound.SpawnAndGreet(implementation, done, count);
        var spawned = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        actors.StopAll();
        var stopped = clock.Elapsed;
        GC.KeepAlive(actors);
        return new Round(
            RetainedPerActor: (after - before) / (double)count,
            AllocatedPerActor: allocated / (double)count,
            SpawnNanosecondsPerActor: spawned.TotalNanoseconds / count,
            StopNanosecondsPerActor: stopped.TotalNanoseconds / count);
    }

    private static string Render(IReadOnlyList<(string Key, Round First, Round Second)> rows, int count, string mode, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine("# Idle memory per actor");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var line in MachineInfo.Describe())
        {
            text.AppendLine(line);
        }

        text.AppendLine(Invariant, $"- Mode: {mode}");
        text.AppendLine(Invariant, $"- Load average (1 / 5 / 15 min) before: {loadBefore}; after: {MachineInfo.LoadAverage()}");
        text.AppendLine();
        text.AppendLine(Invariant, $"{count:N0} actors are spawned (after a warm-up batch of {Math.Min(WarmUpActors, count):N0}), each handles one message, then all stay alive and idle.");
        text.AppendLine("Retained = `GC.GetTotalMemory(true)` after − before, divided by the actors; it includes the framework's registries and " +
            "the array the bare baselines keep their actors in (8 B/actor). The second batch reuses whatever the first one grew (registries, pools). " +
            "The times come from one batch and move by 2–5× between runs on 2 cores: they are indicative; the spawn benchmark measures spawn rates.");
        text.AppendLine();
        text.AppendLine("| Implementation | retained B/actor | retained B/actor, second batch | allocated B/actor while spawning | spawn + first message, ns/actor | stop, ns/actor |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (key, first, second) in rows)
        {
            text.AppendLine(Invariant, $"| {Implementations.Display(key)} | {first.RetainedPerActor:N0} | {second.RetainedPerActor:N0} | {first.AllocatedPerActor:N0} | {first.SpawnNanosecondsPerActor:N0} | {first.StopNanosecondsPerActor:N0} |");
        }

        return text.ToString();
    }

    private readonly record struct Round(double RetainedPerActor, double AllocatedPerActor, double SpawnNanosecondsPerActor, double StopNanosecondsPerActor);
}

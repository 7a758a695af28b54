namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>
/// Sizes of every scenario (reference section 9.2). Every scenario reads its size here, so
/// <c>--quick</c> can shrink the whole suite by <see cref="QuickDivisor"/>.
/// </summary>
public static class BenchmarkSize
{
    /// <summary>Quick (CI) mode divides every count by this.</summary>
    public const int QuickDivisor = 100;

    private static bool s_skyNetMillion;

    /// <summary>Gets a value indicating whether the quick (CI) sizes are in use.</summary>
    public static bool IsQuick { get; private set; }

    /// <summary>Gets one-way flood messages per run (split over the producers).</summary>
    public static int FloodMessages => Scale(2_000_000);

    /// <summary>Gets ping-pong messages per run, pings and pongs counted, split over the pairs.</summary>
    public static int PingPongMessages => Scale(2_000_000);

    /// <summary>Gets the number of scatter-gather workers (not scaled).</summary>
    public static int ScatterGatherWorkers => 1_000;

    /// <summary>Gets scatter-gather rounds per run; each round is one request and one reply per worker.</summary>
    public static int ScatterGatherRounds => Scale(500);

    /// <summary>
    /// Gets the number of SkyNet leaves, a power of ten. The full suite scales the reference 1,000,000 down to 100,000:
    /// on the 2-core box one invocation at 1,000,000 leaves took 5 s (bare ActionBlock, Channel) to 15.6 s (Proto.Actor)
    /// against the ~2 s budget of the suite. <c>--skynet-million</c> restores the reference size for a separate run.
    /// </summary>
    public static int SkyNetLeaves => Scale(s_skyNetMillion ? 1_000_000 : 100_000);

    /// <summary>Gets the number of SkyNet actors: every level of the 10-ary tree, root included.</summary>
    public static int SkyNetActors => ((10 * SkyNetLeaves) - 1) / 9;

    /// <summary>Gets the answer the SkyNet root must report: 0 + 1 + … + (leaves − 1).</summary>
    public static long SkyNetAnswer => (long)SkyNetLeaves * (SkyNetLeaves - 1) / 2;

    /// <summary>Gets the number of actors spawned per run (and held idle by <c>--memory</c>).</summary>
    public static int SpawnActors => Scale(100_000);

    /// <summary>Gets state-machine transitions per run.</summary>
    public static int StateMachineTransitions => Scale(1_000_000);

    /// <summary>Gets chain messages per run.</summary>
    public static int ChainMessages => Scale(1_000_000);

    /// <summary>Gets items sent through the pipeline per run.</summary>
    public static int PipelineItems => Scale(1_000_000);

    /// <summary>Switches every size to the quick (CI) size. Call before BenchmarkDotNet reads the benchmarks.</summary>
    public static void UseQuickSizes() => IsQuick = true;

    /// <summary>Runs SkyNet at the reference 1,000,000 leaves. Call before BenchmarkDotNet reads the benchmarks.</summary>
    public static void UseSkyNetMillion() => s_skyNetMillion = true;

    /// <summary>The operations one invocation of a scenario performs; BenchmarkDotNet divides by it.</summary>
    public static int OperationsPerInvoke(Scenario scenario) => scenario switch
    {
        Scenario.Flood => FloodMessages,
        Scenario.PingPong => PingPongMessages,
        Scenario.ScatterGather => 2 * ScatterGatherWorkers * ScatterGatherRounds,
        Scenario.SkyNet => SkyNetActors,
        Scenario.Spawn => SpawnActors,
        Scenario.StateMachine => StateMachineTransitions,
        Scenario.Chain => ChainMessages,
        Scenario.Pipeline => PipelineItems,
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    /// <summary>What one operation of a scenario is, for the report.</summary>
    public static string Unit(Scenario scenario) => scenario switch
    {
        Scenario.SkyNet or Scenario.Spawn => "actor",
        Scenario.StateMachine => "transition",
        Scenario.Pipeline => "item",
        _ => "message",
    };

    private static int Scale(int fullSize) => IsQuick ? fullSize / QuickDivisor : fullSize;
}

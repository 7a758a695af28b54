using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

/// <summary>
/// S1/S2: ping-pong pairs exchange <see cref="BenchmarkSize.PingPongMessages"/> messages (pings and pongs),
/// split evenly over the pairs, with 1 or 100 pings in flight per pair.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.PingPong))]
public class PingPongBenchmarks : ScenarioBenchmarks<IPingPongImplementation>
{
    /// <summary>Gets or sets the number of pairs.</summary>
    [Params(1, 8)]
    public int Pairs { get; set; }

    /// <summary>Gets or sets the pings each pair keeps in flight.</summary>
    [Params(1, 100)]
    public int InFlight { get; set; }

    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockPingPong());

    [ScenarioBenchmark(Scenario.PingPong, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelPingPong());

    [ScenarioBenchmark(Scenario.PingPong)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetPingPong());

    [ScenarioBenchmark(Scenario.PingPong)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorPingPong());

    [ScenarioBenchmark(Scenario.PingPong)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicPingPong());

    /// <summary>The default layout: a pair's ping and pong share one catalyst.</summary>
    [ScenarioBenchmark(Scenario.PingPong)]
    public void TaskTonic() => Run();

    [GlobalSetup(Target = nameof(TaskTonicSpread))]
    public void SetupTaskTonicSpread() => Use(new TaskTonicPingPong(spread: true));

    /// <summary>The spread layout: ping and pong each on a catalyst of its own, so every message crosses catalysts.</summary>
    [ScenarioBenchmark(Scenario.PingPong)]
    public void TaskTonicSpread() => Run();

    protected override void SetUp(IPingPongImplementation implementation)
    {
        var roundTrips = BenchmarkSize.PingPongMessages / (2 * Pairs);
        implementation.Setup(new PingPongShape(Pairs, InFlight, roundTrips), Done);
    }

    private void Run()
    {
        Done.Reset(Pairs);
        Implementation.Start();
        Done.Wait();
    }
}

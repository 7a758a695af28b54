using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

/// <summary>
/// S4: a coordinator scatters a request to each of <see cref="BenchmarkSize.ScatterGatherWorkers"/> workers and
/// gathers all replies, for <see cref="BenchmarkSize.ScatterGatherRounds"/> rounds (requests and replies counted).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.ScatterGather))]
public class ScatterGatherBenchmarks : ScenarioBenchmarks<IScatterGatherImplementation>
{
    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockScatterGather());

    [ScenarioBenchmark(Scenario.ScatterGather, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelScatterGather());

    [ScenarioBenchmark(Scenario.ScatterGather)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetScatterGather());

    [ScenarioBenchmark(Scenario.ScatterGather)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorScatterGather());

    [ScenarioBenchmark(Scenario.ScatterGather)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicScatterGather());

    [ScenarioBenchmark(Scenario.ScatterGather)]
    public void TaskTonic() => Run();

    protected override void SetUp(IScatterGatherImplementation implementation) =>
        implementation.Setup(BenchmarkSize.ScatterGatherWorkers, BenchmarkSize.ScatterGatherRounds, Done);

    private void Run()
    {
        Done.Reset();
        Implementation.Start();
        var rounds = Done.Wait();
        if (rounds != BenchmarkSize.ScatterGatherRounds)
        {
            throw new InvalidOperationException($"Scatter-gather finished after {rounds} rounds, expected {BenchmarkSize.ScatterGatherRounds}.");
        }
    }
}

using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

/// <summary>
/// S5: a 10-ary tree with <see cref="BenchmarkSize.SkyNetLeaves"/> leaves is spawned, summed and stopped;
/// results are per actor (<see cref="BenchmarkSize.SkyNetActors"/> actors per run).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.SkyNet))]
public class SkyNetBenchmarks : ScenarioBenchmarks<ISkyNetImplementation>
{
    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockSkyNet());

    [ScenarioBenchmark(Scenario.SkyNet, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelSkyNet());

    [ScenarioBenchmark(Scenario.SkyNet)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetSkyNet());

    [ScenarioBenchmark(Scenario.SkyNet)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorSkyNet());

    [ScenarioBenchmark(Scenario.SkyNet)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicSkyNet());

    [ScenarioBenchmark(Scenario.SkyNet)]
    public void TaskTonic() => Run();

    protected override void SetUp(ISkyNetImplementation implementation) => implementation.Setup(Done);

    private void Run()
    {
        Done.Reset();
        Implementation.Start(BenchmarkSize.SkyNetLeaves);
        var sum = Done.Wait();
        if (sum != BenchmarkSize.SkyNetAnswer)
        {
            throw new InvalidOperationException($"SkyNet answered {sum}, expected {BenchmarkSize.SkyNetAnswer}.");
        }
    }
}

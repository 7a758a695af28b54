using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

/// <summary>
/// S6: spawn <see cref="BenchmarkSize.SpawnActors"/> actors, deliver one message to each, stop them all and wait
/// for their termination; results are per actor. The idle footprint (S7) is <c>--memory</c>, outside BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.Spawn))]
public class SpawnBenchmarks : ScenarioBenchmarks<ISpawnImplementation>
{
    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockSpawn());

    [ScenarioBenchmark(Scenario.Spawn, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelSpawn());

    [ScenarioBenchmark(Scenario.Spawn)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetSpawn());

    [ScenarioBenchmark(Scenario.Spawn)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorSpawn());

    [ScenarioBenchmark(Scenario.Spawn)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicSpawn());

    [ScenarioBenchmark(Scenario.Spawn)]
    public void TaskTonic() => Run();

    protected override void SetUp(ISpawnImplementation implementation) => implementation.Setup(Done);

    private void Run() => SpawnRound.SpawnAndGreet(Implementation, Done, BenchmarkSize.SpawnActors).StopAll();
}

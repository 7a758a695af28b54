using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

/// <summary>The seed's chain: <see cref="BenchmarkSize.ChainMessages"/> messages, each posted by the handler of the one before to its own actor.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.Chain))]
public class ChainBenchmarks : ScenarioBenchmarks<IChainImplementation>
{
    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockChain());

    [ScenarioBenchmark(Scenario.Chain, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelChain());

    [ScenarioBenchmark(Scenario.Chain)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetChain());

    [ScenarioBenchmark(Scenario.Chain)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorChain());

    [ScenarioBenchmark(Scenario.Chain)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicChain());

    [ScenarioBenchmark(Scenario.Chain)]
    public void TaskTonic() => Run();

    protected override void SetUp(IChainImplementation implementation) =>
        implementation.Setup(BenchmarkSize.ChainMessages, Done);

    private void Run()
    {
        Done.Reset();
        Implementation.Start(BenchmarkSize.ChainMessages);
        Done.Wait();
    }
}

using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

/// <summary>
/// Issue 12: <see cref="BenchmarkSize.PipelineItems"/> items through a pipeline of <see cref="Stages"/> stages, each on
/// its own actor / catalyst / block, so every hop crosses threads. Results per item (end to end, all stages).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.Pipeline))]
public class PipelineBenchmarks : ScenarioBenchmarks<IPipelineImplementation>
{
    /// <summary>The number of stages.</summary>
    public const int Stages = 4;

    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new DataflowPipeline());

    /// <summary>Bare TPL Dataflow: three linked <c>TransformBlock</c>s into an <c>ActionBlock</c>.</summary>
    [ScenarioBenchmark(Scenario.Pipeline, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetPipeline());

    [ScenarioBenchmark(Scenario.Pipeline)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorPipeline());

    [ScenarioBenchmark(Scenario.Pipeline)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicPipeline());

    [ScenarioBenchmark(Scenario.Pipeline)]
    public void TaskTonic() => Run();

    protected override void SetUp(IPipelineImplementation implementation) =>
        implementation.Setup(Stages, BenchmarkSize.PipelineItems, Done);

    private void Run()
    {
        Done.Reset();
        Implementation.Start(BenchmarkSize.PipelineItems);
        Done.Wait();
    }
}

using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

/// <summary>S3: producer threads send <see cref="BenchmarkSize.FloodMessages"/> messages into one actor.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.Flood))]
public class FloodBenchmarks : ScenarioBenchmarks<IFloodImplementation>
{
    private Action<FloodMessage> _send = static _ => { };

    /// <summary>Gets or sets the number of producer threads; the message count is split over them.</summary>
    [Params(1, 2)]
    public int Producers { get; set; }

    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockFlood());

    [ScenarioBenchmark(Scenario.Flood, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelFlood());

    [ScenarioBenchmark(Scenario.Flood)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetFlood());

    [ScenarioBenchmark(Scenario.Flood)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorFlood());

    [ScenarioBenchmark(Scenario.Flood)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicFlood());

    [ScenarioBenchmark(Scenario.Flood)]
    public void TaskTonic() => Run();

    protected override void SetUp(IFloodImplementation implementation)
    {
        implementation.Setup(BenchmarkSize.FloodMessages, Done);
        _send = implementation.Send;
    }

    private void Run()
    {
        Done.Reset();
        ProducerThreads.Run(Producers, BenchmarkSize.FloodMessages, _send);
        Done.Wait();
    }
}

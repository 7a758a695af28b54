using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

/// <summary>S11: <see cref="BenchmarkSize.StateMachineTransitions"/> events, each switching the machine between Off and On.</summary>
[MemoryDiagnoser]
[BenchmarkCategory(nameof(Scenario.StateMachine))]
public class StateMachineBenchmarks : ScenarioBenchmarks<IStateMachineImplementation>
{
    [GlobalSetup(Target = nameof(ActionBlock))]
    public void SetupActionBlock() => Use(new ActionBlockStateMachine());

    [ScenarioBenchmark(Scenario.StateMachine, Baseline = true)]
    public void ActionBlock() => Run();

    [GlobalSetup(Target = nameof(Channel))]
    public void SetupChannel() => Use(new ChannelStateMachine());

    [ScenarioBenchmark(Scenario.StateMachine)]
    public void Channel() => Run();

    [GlobalSetup(Target = nameof(AkkaNet))]
    public void SetupAkkaNet() => Use(new AkkaNetStateMachine());

    [ScenarioBenchmark(Scenario.StateMachine)]
    public void AkkaNet() => Run();

    [GlobalSetup(Target = nameof(ProtoActor))]
    public void SetupProtoActor() => Use(new ProtoActorStateMachine());

    [ScenarioBenchmark(Scenario.StateMachine)]
    public void ProtoActor() => Run();

    [GlobalSetup(Target = nameof(TaskTonic))]
    public void SetupTaskTonic() => Use(new TaskTonicStateMachine());

    [ScenarioBenchmark(Scenario.StateMachine)]
    public void TaskTonic() => Run();

    protected override void SetUp(IStateMachineImplementation implementation) =>
        implementation.Setup(BenchmarkSize.StateMachineTransitions, Done);

    private void Run()
    {
        var transitions = BenchmarkSize.StateMachineTransitions;
        Done.Reset();
        for (var i = 0; i < transitions; i++)
        {
            Implementation.Send(SwitchEvent.Create(i));
        }

        var counted = Done.Wait();
        if (counted != transitions)
        {
            throw new InvalidOperationException($"The state machine made {counted} transitions, expected {transitions}.");
        }
    }
}

using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>The two-state machine in a <see cref="ChannelActor{T}"/> with a switch on an int state.</summary>
public sealed class ChannelStateMachine : IStateMachineImplementation
{
    private ChannelActor<SwitchEvent>? _actor;

    public void Setup(int transitionsPerRun, CompletionSignal done)
    {
        var states = new SwitchStates(new SwitchTally(transitionsPerRun, done));
        _actor = new ChannelActor<SwitchEvent>(states.Handle);
    }

    public void Send(SwitchEvent switchEvent) => _actor!.Tell(switchEvent);

    public void Dispose() => BareActors.CompleteAndWait(_actor);
}

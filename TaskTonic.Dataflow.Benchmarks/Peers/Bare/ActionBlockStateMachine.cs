using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>The two-state machine in an <see cref="ActionBlock{TInput}"/> with a switch on an int state.</summary>
public sealed class ActionBlockStateMachine : IStateMachineImplementation
{
    private ActionBlock<SwitchEvent>? _actor;

    public void Setup(int transitionsPerRun, CompletionSignal done)
    {
        var states = new SwitchStates(new SwitchTally(transitionsPerRun, done));
        _actor = new ActionBlock<SwitchEvent>(states.Handle);
    }

    public void Send(SwitchEvent switchEvent) => _actor!.Post(switchEvent);

    public void Dispose() => BareActors.CompleteAndWait(_actor);
}

using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

/// <summary>
/// State machine: one actor with the states Off (initial) and On, written with the framework's own state
/// mechanism (Akka <c>Become</c>, Proto <c>Behavior</c>, a switch on an int for the bare baselines).
/// Off accepts only <see cref="SwitchOn"/>, On only <see cref="SwitchOff"/>; each transition calls
/// <see cref="SwitchTally.Exit"/>, changes state, then calls <see cref="SwitchTally.Enter"/>.
/// </summary>
public interface IStateMachineImplementation : IDisposable
{
    /// <summary>Creates the actor in state Off, owning a <c>new SwitchTally(transitionsPerRun, done)</c>.</summary>
    void Setup(int transitionsPerRun, CompletionSignal done);

    /// <summary>Sends one event to the actor, from the benchmark thread.</summary>
    void Send(SwitchEvent switchEvent);
}

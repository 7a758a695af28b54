using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// The two-state machine with TaskTonic's generated states: state-specific handlers (<c>ttsc_off__switch_on</c>,
/// <c>ttsc_on__switch_off</c>) request the transition with <c>ToState</c>; the runtime then runs the exit hook
/// (<see cref="SwitchTally.Exit"/>), changes the state and runs the enter hook (<see cref="SwitchTally.Enter"/>).
/// The generic handlers catch an event the current state does not accept.
/// </summary>
public sealed partial class TaskTonicStateMachine : IStateMachineImplementation
{
    private TaskTonicHost? _host;
    private Switch? _switch;

    public void Setup(int transitionsPerRun, CompletionSignal done)
    {
        _host = new TaskTonicHost();
        var tally = new SwitchTally(transitionsPerRun, done);
        _switch = _host.Spawn(() => new Switch(tally));
    }

    public void Send(SwitchEvent switchEvent)
    {
        if (switchEvent is SwitchOn on)
        {
            _switch!.SwitchOn(on);
        }
        else
        {
            _switch!.SwitchOff((SwitchOff)switchEvent);
        }
    }

    public void Dispose() => _host?.Dispose();

    private sealed partial class Switch(SwitchTally tally) : Tonic
    {
        private bool _initialised;

        private void ttse__on_start() => ToState(States.Off);

        /// <summary>The entry action; the first entry (into Off at start) is not a transition of a run.</summary>
        private void ttse__on_enter()
        {
            if (_initialised)
            {
                tally.Enter();
            }
            else
            {
                _initialised = true;
            }
        }

        private void ttse__on_exit() => tally.Exit();

        private void ttsc_off__switch_on(SwitchOn switchOn) => ToState(States.On);

        private void ttsc_on__switch_off(SwitchOff switchOff) => ToState(States.Off);

        private void ttsc__switch_on(SwitchOn switchOn) => tally.Unexpected(switchOn, StateName ?? NoStateName);

        private void ttsc__switch_off(SwitchOff switchOff) => tally.Unexpected(switchOff, StateName ?? NoStateName);
    }
}

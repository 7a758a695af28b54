using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>The bare baselines' state machine: an int state and a switch, run inside the actor's handler.</summary>
internal sealed class SwitchStates(SwitchTally tally)
{
    private const int Off = 0;
    private const int On = 1;

    private int _state = Off;

    public void Handle(SwitchEvent switchEvent)
    {
        switch (_state)
        {
            case Off when switchEvent is SwitchOn:
                tally.Exit();
                _state = On;
                tally.Enter();
                break;
            case On when switchEvent is SwitchOff:
                tally.Exit();
                _state = Off;
                tally.Enter();
                break;
            default:
                tally.Unexpected(switchEvent, _state == Off ? nameof(Off) : nameof(On));
                break;
        }
    }
}

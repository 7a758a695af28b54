using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

/// <summary>
/// The entry and exit actions of the two-state machine (Off ⇄ On), shared by every implementation so each
/// transition does the same work: exit action, state change, entry action. Owned by one actor.
/// </summary>
public sealed class SwitchTally(int transitionsPerRun, CompletionSignal done)
{
    private int _exits;
    private int _entries;

    /// <summary>The exit action of the state being left.</summary>
    public void Exit() => _exits++;

    /// <summary>The entry action of the state just entered; the run's last transition signals <c>done</c> with the count.</summary>
    public void Enter()
    {
        if (++_entries < transitionsPerRun)
        {
            return;
        }

        var entries = _entries;
        var exits = _exits;
        _entries = 0;
        _exits = 0;
        if (exits == entries)
        {
            done.Signal(entries);
        }
        else
        {
            done.Fail(new InvalidOperationException($"{entries} entries but {exits} exits."));
        }
    }

    /// <summary>An event the current state does not accept: fails the run.</summary>
    public void Unexpected(object message, string state) =>
        done.Fail(new InvalidOperationException($"{message.GetType().Name} arrived in state {state}."));
}

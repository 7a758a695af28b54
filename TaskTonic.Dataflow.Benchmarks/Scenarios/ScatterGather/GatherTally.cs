using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

/// <summary>
/// The coordinator's bookkeeping, shared by every implementation: replies per round, rounds per run,
/// and the run's completion. Owned by one coordinator actor.
/// </summary>
public sealed class GatherTally(int workers, int rounds, CompletionSignal done)
{
    private int _replies;
    private int _round;

    /// <summary>Gets the number of workers the coordinator creates.</summary>
    public int Workers => workers;

    /// <summary>Gets the round now being gathered.</summary>
    public int Round => _round;

    /// <summary>
    /// Counts one reply. Returns true when it completed a round and the next round must be scattered;
    /// after the last round it signals <c>done</c> and returns false.
    /// </summary>
    public bool OnReply()
    {
        if (++_replies < workers)
        {
            return false;
        }

        _replies = 0;
        if (++_round < rounds)
        {
            return true;
        }

        _round = 0;
        done.Signal(rounds);
        return false;
    }
}

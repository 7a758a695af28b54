using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

/// <summary>
/// Scatter-gather: a coordinator actor with <see cref="GatherTally.Workers"/> worker actors (its children
/// where the framework has children). On <see cref="Messages.StartRun"/> the coordinator sends a
/// <see cref="Messages.WorkRequest"/> for <see cref="GatherTally.Round"/> to every worker; each worker answers
/// the coordinator with a <see cref="Messages.WorkReply"/>; when <see cref="GatherTally.OnReply"/> returns
/// true the coordinator scatters the next round.
/// </summary>
public interface IScatterGatherImplementation : IDisposable
{
    /// <summary>Creates the coordinator (owning a <c>new GatherTally(workers, rounds, done)</c>) and its workers.</summary>
    void Setup(int workers, int rounds, CompletionSignal done);

    /// <summary>Sends <see cref="Messages.StartRun"/> to the coordinator.</summary>
    void Start();
}

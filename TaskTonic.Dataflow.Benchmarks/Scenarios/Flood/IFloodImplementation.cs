using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

/// <summary>One-way flood: one receiving actor, fed by one or more producer threads.</summary>
public interface IFloodImplementation : IDisposable
{
    /// <summary>
    /// Creates the receiving actor. Its handler calls <see cref="MessageTally.Count"/> on a
    /// <c>new MessageTally(messagesPerRun, done)</c> for every <see cref="FloodMessage"/>.
    /// </summary>
    void Setup(int messagesPerRun, CompletionSignal done);

    /// <summary>Sends one message to the receiver, from outside any actor; called by several threads at once.</summary>
    void Send(FloodMessage message);
}

using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>Flood into one tonic on the main catalyst; the producers call its generated entry point from outside any sparkle.</summary>
public sealed partial class TaskTonicFlood : IFloodImplementation
{
    private TaskTonicHost? _host;
    private Receiver? _receiver;

    public void Setup(int messagesPerRun, CompletionSignal done)
    {
        _host = new TaskTonicHost();
        var tally = new MessageTally(messagesPerRun, done);
        _receiver = _host.Spawn(() => new Receiver(tally));
    }

    public void Send(FloodMessage message) => _receiver!.Flood(message);

    public void Dispose() => _host?.Dispose();

    private sealed partial class Receiver(MessageTally tally) : Tonic
    {
        private void ttsc__flood(FloodMessage message) => tally.Count();
    }
}

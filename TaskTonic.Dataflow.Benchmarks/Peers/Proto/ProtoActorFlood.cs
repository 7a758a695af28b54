using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>Flood into one Proto.Actor <see cref="IActor"/>.</summary>
public sealed class ProtoActorFlood : IFloodImplementation
{
    private ActorSystem? _system;
    private PID? _receiver;

    public void Setup(int messagesPerRun, CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        var tally = new MessageTally(messagesPerRun, done);
        _receiver = _system.Root.Spawn(Props.FromProducer(() => new Receiver(tally)));
    }

    public void Send(FloodMessage message) => _system!.Root.Send(_receiver!, message);

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class Receiver(MessageTally tally) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is FloodMessage)
            {
                tally.Count();
            }

            return Task.CompletedTask;
        }
    }
}

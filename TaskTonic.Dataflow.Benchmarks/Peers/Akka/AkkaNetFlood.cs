using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>Flood into one Akka.NET <see cref="UntypedActor"/>.</summary>
public sealed class AkkaNetFlood : IFloodImplementation
{
    private ActorSystem? _system;
    private IActorRef _receiver = ActorRefs.Nobody;

    public void Setup(int messagesPerRun, CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("flood");
        var tally = new MessageTally(messagesPerRun, done);
        _receiver = _system.ActorOf(Props.Create(() => new Receiver(tally)), "receiver");
    }

    public void Send(FloodMessage message) => _receiver.Tell(message, ActorRefs.NoSender);

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class Receiver(MessageTally tally) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is FloodMessage)
            {
                tally.Count();
            }
            else
            {
                Unhandled(message);
            }
        }
    }
}

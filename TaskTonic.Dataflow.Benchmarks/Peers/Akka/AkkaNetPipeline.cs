using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>The pipeline as Akka.NET actors, each telling the item to the next stage's actor.</summary>
public sealed class AkkaNetPipeline : IPipelineImplementation
{
    private ActorSystem? _system;
    private IActorRef _head = ActorRefs.Nobody;

    public void Setup(int stages, int itemsPerRun, CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("pipeline");
        var tally = new MessageTally(itemsPerRun, done);
        IActorRef? next = null;
        for (var i = stages - 1; i >= 0; i--)
        {
            var target = next;
            next = _system.ActorOf(Props.Create(() => new Stage(target, tally)), $"stage-{i}");
        }

        _head = next!;
    }

    public void Start(int items)
    {
        for (var i = 0; i < items; i++)
        {
            _head.Tell(new PipelineItem(i), ActorRefs.NoSender);
        }
    }

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class Stage(IActorRef? next, MessageTally tally) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is not PipelineItem item)
            {
                Unhandled(message);
            }
            else if (next is null)
            {
                tally.Count();
            }
            else
            {
                next.Tell(item, Self);
            }
        }
    }
}

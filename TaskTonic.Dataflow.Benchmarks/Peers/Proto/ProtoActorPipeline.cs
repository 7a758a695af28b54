using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>The pipeline as Proto.Actor actors, each sending the item to the next stage's actor.</summary>
public sealed class ProtoActorPipeline : IPipelineImplementation
{
    private ActorSystem? _system;
    private PID? _head;

    public void Setup(int stages, int itemsPerRun, CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        var tally = new MessageTally(itemsPerRun, done);
        PID? next = null;
        for (var i = stages - 1; i >= 0; i--)
        {
            var target = next;
            next = _system.Root.Spawn(Props.FromProducer(() => new Stage(target, tally)));
        }

        _head = next;
    }

    public void Start(int items)
    {
        for (var i = 0; i < items; i++)
        {
            _system!.Root.Send(_head!, new PipelineItem(i));
        }
    }

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class Stage(PID? next, MessageTally tally) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is PipelineItem item)
            {
                if (next is null)
                {
                    tally.Count();
                }
                else
                {
                    context.Send(next, item);
                }
            }

            return Task.CompletedTask;
        }
    }
}

using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>
/// Spawn with Akka.NET: a new parent actor creates the batch as its children (<c>Context.ActorOf</c>) and
/// greets each; stop = <c>GracefulStop</c> of the parent, which ends after all children have terminated.
/// </summary>
public sealed class AkkaNetSpawn : ISpawnImplementation
{
    private ActorSystem? _system;
    private Props _parentProps = Props.Empty;

    public void Setup(CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("spawn");
        var childProps = Props.Create(() => new Child(done));
        _parentProps = Props.Create(() => new Parent(childProps));
    }

    public ISpawnedActors Spawn(int count)
    {
        var parent = _system!.ActorOf(_parentProps);
        parent.Tell(new SpawnChildren(count), ActorRefs.NoSender);
        return new Batch(parent);
    }

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class Batch(IActorRef parent) : ISpawnedActors
    {
        public void StopAll() => AkkaNetSystem.StopAndWait(parent);
    }

    private sealed class Parent(Props childProps) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is SpawnChildren spawn)
            {
                for (var i = 0; i < spawn.Count; i++)
                {
                    Context.ActorOf(childProps).Tell(new Hello(i), Self);
                }
            }
            else
            {
                Unhandled(message);
            }
        }
    }

    private sealed class Child(CompletionSignal done) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Hello)
            {
                done.Signal();
            }
            else
            {
                Unhandled(message);
            }
        }
    }
}

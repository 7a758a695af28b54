using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>
/// Spawn with Proto.Actor: a new parent actor spawns the batch as its children (<c>context.Spawn</c>) and
/// greets each; stop = <c>Root.StopAsync</c> of the parent, which ends after all children have stopped.
/// </summary>
public sealed class ProtoActorSpawn : ISpawnImplementation
{
    private ActorSystem? _system;
    private Props? _parentProps;

    public void Setup(CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        var childProps = Props.FromProducer(() => new Child(done));
        _parentProps = Props.FromProducer(() => new Parent(childProps));
    }

    public ISpawnedActors Spawn(int count)
    {
        var parent = _system!.Root.Spawn(_parentProps!);
        _system.Root.Send(parent, new SpawnChildren(count));
        return new Batch(_system, parent);
    }

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class Batch(ActorSystem system, PID parent) : ISpawnedActors
    {
        public void StopAll() => ProtoActorSystem.StopAndWait(system, parent);
    }

    private sealed class Parent(Props childProps) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is SpawnChildren spawn)
            {
                for (var i = 0; i < spawn.Count; i++)
                {
                    context.Send(context.Spawn(childProps), new Hello(i));
                }
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Child(CompletionSignal done) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is Hello)
            {
                done.Signal();
            }

            return Task.CompletedTask;
        }
    }
}

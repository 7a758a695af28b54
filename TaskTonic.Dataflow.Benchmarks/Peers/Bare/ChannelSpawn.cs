using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Spawn = create a <see cref="ChannelActor{T}"/> per actor; stop = complete them and await their consumers.</summary>
public sealed class ChannelSpawn : ISpawnImplementation
{
    private CompletionSignal? _done;

    public void Setup(CompletionSignal done) => _done = done;

    public ISpawnedActors Spawn(int count)
    {
        var done = _done!;
        var actors = new ChannelActor<Hello>[count];
        for (var i = 0; i < count; i++)
        {
            actors[i] = new ChannelActor<Hello>(_ => done.Signal());
            actors[i].Tell(new Hello(i));
        }

        return new Batch(actors);
    }

    public void Dispose()
    {
    }

    private sealed class Batch(ChannelActor<Hello>[] actors) : ISpawnedActors
    {
        public void StopAll()
        {
            var completions = new Task[actors.Length];
            for (var i = 0; i < actors.Length; i++)
            {
                actors[i].Complete();
                completions[i] = actors[i].Completion;
            }

            BareActors.WaitFor(Task.WhenAll(completions));
        }
    }
}

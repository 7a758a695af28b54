using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Spawn = create an <see cref="ActionBlock{TInput}"/> per actor; stop = complete them and await their completion.</summary>
public sealed class ActionBlockSpawn : ISpawnImplementation
{
    private CompletionSignal? _done;

    public void Setup(CompletionSignal done) => _done = done;

    public ISpawnedActors Spawn(int count)
    {
        var done = _done!;
        var actors = new ActionBlock<Hello>[count];
        for (var i = 0; i < count; i++)
        {
            actors[i] = new ActionBlock<Hello>(_ => done.Signal());
            actors[i].Post(new Hello(i));
        }

        return new Batch(actors);
    }

    public void Dispose()
    {
    }

    private sealed class Batch(ActionBlock<Hello>[] actors) : ISpawnedActors
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

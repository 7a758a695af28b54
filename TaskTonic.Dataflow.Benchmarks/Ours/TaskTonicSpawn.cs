using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// Spawn with tonics: a new parent tonic creates the batch as its infusions inside one sparkle (they share its
/// catalyst, the main one) and greets each; stop = <see cref="Tonic.Finish"/> of the parent, awaiting its
/// <see cref="Tonic.Completion"/>, which completes after every infusion has completed and left the ledger.
/// </summary>
public sealed partial class TaskTonicSpawn : ISpawnImplementation
{
    private TaskTonicHost? _host;
    private CompletionSignal? _done;

    public void Setup(CompletionSignal done)
    {
        _host = new TaskTonicHost();
        _done = done;
    }

    public ISpawnedActors Spawn(int count)
    {
        var done = _done!;
        var parent = _host!.Spawn(() => new Parent(done));
        parent.SpawnChildren(new SpawnChildren(count));
        return new Batch(parent);
    }

    public void Dispose() => _host?.Dispose();

    private sealed class Batch(Parent parent) : ISpawnedActors
    {
        public void StopAll()
        {
            parent.Finish();
            TaskTonicHost.Wait(parent.Completion, "a spawn batch");
        }
    }

    private sealed partial class Parent(CompletionSignal done) : Tonic
    {
        private void ttsc__spawn_children(SpawnChildren spawn)
        {
            for (var i = 0; i < spawn.Count; i++)
            {
                new Child(done).Hello(new Hello(i));
            }
        }
    }

    private sealed partial class Child(CompletionSignal done) : Tonic
    {
        private void ttsc__hello(Hello hello) => done.Signal();
    }
}

using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

/// <summary>The spawn sequence shared by the benchmark and the <c>--memory</c> measurement.</summary>
public static class SpawnRound
{
    /// <summary>Spawns <paramref name="count"/> actors and returns once every one has handled its <see cref="Messages.Hello"/>.</summary>
    public static ISpawnedActors SpawnAndGreet(ISpawnImplementation implementation, CompletionSignal done, int count)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(done);
        done.Reset(count);
        var actors = implementation.Spawn(count);
        done.Wait();
        return actors;
    }
}

using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

/// <summary>
/// Spawn: creates a batch of actors (children of one parent actor where the framework has children),
/// sends each one <see cref="Messages.Hello"/>, and later stops them all. The same class serves the
/// spawn benchmark and the <c>--memory</c> idle-footprint measurement, which is found by reflection:
/// every non-abstract <see cref="ISpawnImplementation"/> with a parameterless constructor is measured.
/// </summary>
public interface ISpawnImplementation : IDisposable
{
    /// <summary>Creates the actor system; every spawned actor calls <c>done.Signal()</c> when its <see cref="Messages.Hello"/> arrives.</summary>
    void Setup(CompletionSignal done);

    /// <summary>
    /// Spawns <paramref name="count"/> actors and sends each one <see cref="Messages.Hello"/>; may return
    /// before they have handled it. They then stay alive and idle until <see cref="ISpawnedActors.StopAll"/>.
    /// </summary>
    ISpawnedActors Spawn(int count);
}

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Spawn;

/// <summary>One batch of spawned actors.</summary>
public interface ISpawnedActors
{
    /// <summary>Stops every actor of the batch and waits until all have terminated.</summary>
    void StopAll();
}

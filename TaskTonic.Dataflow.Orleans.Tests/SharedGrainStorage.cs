using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>
/// Grain storage outside every silo (a process-wide dictionary), standing in for a durable store: the memory provider
/// keeps its data in grains on the silos, so a stopped silo takes part of it away, which a silo-loss test must not see.
/// </summary>
public sealed class SharedGrainStorage(Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> Store = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue(stateName + "|" + grainId, out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        Store[stateName + "|" + grainId] = (serializer.SerializeToArray(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store.TryRemove(stateName + "|" + grainId, out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

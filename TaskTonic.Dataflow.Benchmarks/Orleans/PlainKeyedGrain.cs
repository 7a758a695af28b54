using MessagePack;
using MessagePack.Resolvers;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>The baseline: a plain Orleans grain per key doing the same work, with no TaskTonic layer.</summary>
public interface IPlainKeyedGrain : IGrainWithIntegerKey
{
    /// <summary>Applies one number (work and order check) on the grain's turn.</summary>
    Task Deliver(long number);

    /// <summary>Diagnostic: the same work, handed off the grain turn to the thread pool and awaited (one hop out and back, as our grain does to its catalyst).</summary>
    Task DeliverOffTurn(long number);

    /// <summary>Diagnostic: the number as a MessagePack-serialized <see cref="Work"/> (what our layer's wire carries), decoded on the turn.</summary>
    Task DeliverSerialized(byte[] work);

    /// <summary>The key's tally.</summary>
    Task<KeyTally> Tally();
}

/// <summary>Runs <see cref="KeyedWorkState.Apply"/> on the grain turn itself.</summary>
internal sealed class PlainKeyedGrain : Grain, IPlainKeyedGrain
{
    private KeyedWorkState _state;

    public Task Deliver(long number)
    {
        _state.Apply(number);
        return Task.CompletedTask;
    }

    public async Task DeliverOffTurn(long number)
    {
        // the grain is not reentrant, so no other turn touches the state while this one awaits
        var state = _state;
        state = await Task.Run(() =>
        {
            state.Apply(number);
            return state;
        });
        _state = state;
    }

    public Task DeliverSerialized(byte[] work)
    {
        _state.Apply(MessagePackSerializer.Deserialize<Work>(work, ContractlessStandardResolver.Options).Number);
        return Task.CompletedTask;
    }

    public Task<KeyTally> Tally() => Task.FromResult(_state.Tally);
}

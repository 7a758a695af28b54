namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>The baseline: a plain Orleans grain per key doing the same work, with no TaskTonic layer.</summary>
public interface IPlainKeyedGrain : IGrainWithIntegerKey
{
    /// <summary>Applies one number (work and order check) on the grain's turn.</summary>
    Task Deliver(long number);

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

    public Task<KeyTally> Tally() => Task.FromResult(_state.Tally);
}

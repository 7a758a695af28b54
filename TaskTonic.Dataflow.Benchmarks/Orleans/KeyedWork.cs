using MessagePack;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>The keyed message of the Orleans benchmark: the sender's per-key running number (MessagePack on our layer's wire).</summary>
[MessagePackObject]
public sealed record Work([property: Key(0)] long Number);

/// <summary>What each key ends with: messages seen, the last number, and numbers that did not follow the previous one.</summary>
[MessagePackObject, GenerateSerializer, Immutable]
public sealed record KeyTally([property: Key(0), Id(0)] long Count, [property: Key(1), Id(1)] long Last, [property: Key(2), Id(2)] long OutOfOrder);

/// <summary>The per-message work and order check every variant runs (the tonic and the plain grain call the same code).</summary>
public struct KeyedWorkState
{
    /// <summary>Square roots per message: about a microsecond of work (as in the in-process keyed benchmark).</summary>
    public const int WorkPerMessage = 200;

    private double _sink;

    public long Count { get; private set; }

    public long Last { get; private set; }

    public long OutOfOrder { get; private set; }

    public readonly KeyTally Tally => new(Count, Last, OutOfOrder);

    public void Apply(long number)
    {
        var x = _sink;
        for (var i = 1; i <= WorkPerMessage; i++)
        {
            x += Math.Sqrt(i + x);
        }

        _sink = x;
        OutOfOrder += number == Last + 1 ? 0 : 1;
        Last = number;
        Count++;
    }

    public void Restore(KeyTally tally) => (Count, Last, OutOfOrder) = (tally.Count, tally.Last, tally.OutOfOrder);
}

/// <summary>Completed by the in-process tonic once the message before it ran (the in-process acknowledgement).</summary>
[PassByReference]
public sealed class Ack
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The keyed tonic of the benchmark: in process and on the silos, the same class and command.</summary>
public sealed partial class BenchKeyedTonic : Tonic
{
    private KeyedWorkState _state;

    public BenchKeyedTonic(TonicOptions options)
        : base(options)
    {
    }

    /// <summary>The key's tally; read it on the tonic's catalyst or after an acknowledgement.</summary>
    public KeyTally Tally
    {
        get => _state.Tally;
        set => _state.Restore(value);
    }

    private void ttsc__take(long number) => _state.Apply(number);

    private void ttsc__ack(Ack ack) => ack.Done.TrySetResult();
}

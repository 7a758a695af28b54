namespace TaskTonic.Dataflow.Samples.PartitionedPipeline;

/// <summary>The aggregation of one symbol: volume and volume-weighted price, updated in order on the symbol's catalyst.</summary>
internal sealed partial class SymbolBook : Tonic
{
    private long _lastSequence = -1;
    private long _volume;
    private double _notional;
    private int _orders;
    private int _outOfOrder;

    public SymbolBook(string symbol, TonicOptions options)
        : base(options)
    {
        Symbol = symbol;
    }

    public string Symbol { get; }

    /// <summary>Called as a sparkle of this tonic by the partition's Dataflow target.</summary>
    public void Apply(Order order)
    {
        if (order.Sequence < _lastSequence)
        {
            _outOfOrder++;
        }

        _lastSequence = order.Sequence;
        _volume += order.Quantity;
        _notional += order.Quantity * order.Price;
        _orders++;
    }

    private void ttsc__report(ResultSink sink) =>
        sink.Publish(new SymbolResult(Symbol, _orders, _volume, _volume == 0 ? 0 : _notional / _volume, Catalyst.Name, _outOfOrder));
}

/// <summary>What a symbol's book reports to the sink.</summary>
internal sealed record SymbolResult(string Symbol, int Orders, long Volume, double Vwap, string Catalyst, int OutOfOrder);

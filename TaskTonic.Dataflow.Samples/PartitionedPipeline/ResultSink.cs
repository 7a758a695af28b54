namespace TaskTonic.Dataflow.Samples.PartitionedPipeline;

/// <summary>Collects one result per symbol and finishes itself when all arrived.</summary>
[PassByReference]
internal sealed partial class ResultSink : Tonic
{
    private readonly int _expected;

    public ResultSink(int expected)
    {
        _expected = expected;
    }

    public List<SymbolResult> Results { get; } = [];

    private void ttsc__publish(SymbolResult result)
    {
        Results.Add(result);
        if (Results.Count == _expected)
        {
            Finish();
        }
    }
}

using System.Globalization;
using TaskTonic.Dataflow.Chunks;

namespace TaskTonic.Dataflow.Samples.BigData;

/// <summary>
/// The seed's Example B: a heavy job over a million items, cut into chunks of 5,000 that re-post themselves, so the
/// catalyst handles other work (here: the control panel's clicks and its stop request) between chunks.
/// </summary>
public sealed partial class BigDataProcessor : Tonic
{
    public const int ItemCount = 1_000_000;
    public const int ChunkSize = 5_000;

    private readonly TextWriter _output;
    private ChunkedIteration<int>? _job;
    private long _sumOfSquares;

    public BigDataProcessor(TextWriter output) => _output = output;

    /// <summary>The running job, for the control panel's progress reports.</summary>
    public long Processed => _job?.ProcessedCount ?? 0;

    public ChunkResult? Result { get; private set; }

    private void ttsc__start_heavy_processing()
    {
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Name}] Starting heavy job: {ItemCount:N0} items in chunks of {ChunkSize:N0}."));
        _job = ChunkedIteration.Start(Enumerable.Range(0, ItemCount), DoComplexMath, new ChunkOptions { ChunkSize = ChunkSize }, OnJobDone);
    }

    private void ttsc__stop() => _job?.Cancel();

    private void DoComplexMath(int item) => _sumOfSquares += (long)item * item % 7;

    private void OnJobDone(ChunkResult result)
    {
        Result = result;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{Name}] {result.Outcome}: processed {result.ProcessedCount:N0} of {ItemCount:N0} items in {result.ChunkCount} chunks (checksum {_sumOfSquares})."));
        Finish();
    }
}

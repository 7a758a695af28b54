using System.Globalization;
using TaskTonic.Dataflow.Interop;

namespace TaskTonic.Dataflow.Samples.Pipeline;

/// <summary>The end of the pipeline: a tonic that sums what arrives and reports when its input has completed.</summary>
public sealed partial class SumSink : Tonic
{
    private readonly TextWriter _output;
    private long _sum;
    private int _count;

    public SumSink(TextWriter output)
    {
        _output = output;
        Input = new TonicTargetBlock<long>(this, Add, new TonicTargetBlockOptions { FinishTonicOnCompletion = true });
    }

    public TonicTargetBlock<long> Input { get; }

    private void Add(long square)
    {
        _sum += square;
        _count++;
    }

    private void ttse__on_finished() =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Name}] Input completed: {_count} squares, sum {_sum:N0}."));
}

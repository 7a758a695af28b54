using Microsoft.Extensions.Options;
using TaskTonic.Dataflow.Hosting;
using TaskTonic.Dataflow.Interop;

namespace TaskTonic.Dataflow.Samples.HostedPipeline;

/// <summary>
/// The starting tonic, built by DI: it creates the "work" catalyst from configuration (appsettings.json), the scaling
/// stage on it and the sink on the main catalyst, then hands the stage to the feeder.
/// </summary>
public sealed partial class PipelineRoot(IOptions<TaskTonicOptions> options, PipelineReport report) : Tonic("pipeline")
{
    private void ttse__on_start()
    {
        var sink = new Sink(report);
        var work = new Catalyst(options.Value.CatalystOptionsFor("work"));
        report.Stage.TrySetResult(new Scaler(work, sink));
    }
}

/// <summary>A bounded Dataflow input on the work catalyst: scales each item and passes it to the sink.</summary>
public sealed partial class Scaler : Tonic
{
    public Scaler(Catalyst work, Sink sink)
        : base(new TonicOptions { Name = "scaler", Catalyst = work })
    {
        Input = new TonicTargetBlock<int>(this, item => sink.Add((long)item * 3), new TonicTargetBlockOptions { BoundedCapacity = 32 });
    }

    public TonicTargetBlock<int> Input { get; }
}

/// <summary>Sums what arrives, on the main catalyst.</summary>
public sealed partial class Sink(PipelineReport report) : Tonic("sink")
{
    private void ttsc__add(long value) => report.CountSummed(value);
}

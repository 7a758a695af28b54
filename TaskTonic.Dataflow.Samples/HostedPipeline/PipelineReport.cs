namespace TaskTonic.Dataflow.Samples.HostedPipeline;

/// <summary>Shared between the feeder and the tonics (a DI singleton): the stage once it exists, and the counts.</summary>
public sealed class PipelineReport
{
    private long _sent;
    private long _summed;
    private long _total;

    public TaskCompletionSource<Scaler> Stage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Sent => Interlocked.Read(ref _sent);

    public long Summed => Interlocked.Read(ref _summed);

    public long Total => Interlocked.Read(ref _total);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountSummed(long value)
    {
        Interlocked.Increment(ref _summed);
        Interlocked.Add(ref _total, value);
    }
}

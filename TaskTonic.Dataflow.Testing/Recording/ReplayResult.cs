using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Recording;

/// <summary>What <see cref="Replayer.Replay"/> did.</summary>
public sealed class ReplayResult
{
    internal ReplayResult(SparkleRecording recording, long injected, long suppressed, long undelivered, IReadOnlyList<SparkleTrace> trace, DistillerResult final)
    {
        Recording = recording;
        Injected = injected;
        Suppressed = suppressed;
        Undelivered = undelivered;
        Trace = trace;
        Final = final;
    }

    /// <summary>The recording replayed.</summary>
    public SparkleRecording Recording { get; }

    /// <summary>The recorded work orders posted again.</summary>
    public long Injected { get; }

    /// <summary>The work orders the replayed tonics sent to recorded tonics, suppressed because the recording holds them.</summary>
    public long Suppressed { get; }

    /// <summary>Recorded work orders that could not be posted because the tonic's catalyst had completed.</summary>
    public long Undelivered { get; }

    /// <summary>Everything the distiller traced during the replay.</summary>
    public IReadOnlyList<SparkleTrace> Trace { get; }

    /// <summary>The result of the last run, after the last record.</summary>
    public DistillerResult Final { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Replayed {Injected} work orders ({Suppressed} suppressed, {Undelivered} undelivered), {Trace.Count} sparkles traced";
}

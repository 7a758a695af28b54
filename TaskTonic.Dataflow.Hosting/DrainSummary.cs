namespace TaskTonic.Dataflow.Hosting;

/// <summary>What a host's shutdown did: whether the queues drained in time, and what did not run.</summary>
/// <param name="Drained">True when every catalyst's queue was empty before the shutdown timeout.</param>
/// <param name="Elapsed">From the stop request until the formula had finished (or the host gave up waiting).</param>
/// <param name="Dropped">Work orders dropped while the tonics finished: sent or still queued, never run.</param>
/// <param name="StillQueued">Work orders still waiting when the host gave up waiting for the formula to finish.</param>
/// <param name="Finished">True when the formula finished before the host stopped waiting.</param>
public sealed record DrainSummary(bool Drained, TimeSpan Elapsed, long Dropped, long StillQueued, bool Finished)
{
    /// <summary>Everything that was not run: <see cref="Dropped"/> plus <see cref="StillQueued"/>.</summary>
    public long NotRun => Dropped + StillQueued;

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{(Drained ? "drained" : "drain timed out")} in {Elapsed.TotalMilliseconds:0} ms; {NotRun} work orders not run " +
        $"({Dropped} dropped, {StillQueued} still queued); formula {(Finished ? "finished" : "did not finish")}");
}

namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// Passed to a restarted tonic's <c>ttse__on_restart(RestartInfo info)</c> hook, which runs right after its
/// <c>ttse__on_start</c> and before any pending work.
/// </summary>
public sealed class RestartInfo
{
    internal RestartInfo(Exception reason, int restartCount)
    {
        Reason = reason;
        RestartCount = restartCount;
    }

    /// <summary>The failure that made the supervisor restart the tonic.</summary>
    public Exception Reason { get; }

    /// <summary>How many times this tonic (this address) has been restarted, this restart included.</summary>
    public int RestartCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"restart {RestartCount} after {Reason.GetType().Name}: {Reason.Message}";
}

namespace TaskTonic.Dataflow.Recording;

/// <summary>One work order as a <see cref="Recorder"/> saw it enter a tonic.</summary>
public sealed class RecordedWorkOrder
{
    internal RecordedWorkOrder(long position, RecordKind kind, DateTimeOffset at, int tonicId, string tonicName, string tonicType,
        string catalystName, string sparkle, string? sourceTonicName, string sourceSparkle, string? detail, int flags,
        ReadOnlyMemory<byte>? arguments, string? argumentsText)
    {
        Position = position;
        Kind = kind;
        At = at;
        TonicId = tonicId;
        TonicName = tonicName;
        TonicType = tonicType;
        CatalystName = catalystName;
        Sparkle = sparkle;
        SourceTonicName = sourceTonicName;
        SourceSparkle = sourceSparkle;
        Detail = detail;
        Flags = flags;
        Arguments = arguments;
        ArgumentsText = argumentsText;
    }

    /// <summary>Position in the recording, from 0: the order in which work orders entered the recorded tonics.</summary>
    public long Position { get; }

    /// <summary>What the work order was.</summary>
    public RecordKind Kind { get; }

    /// <summary>The ledger's time when it entered (UTC).</summary>
    public DateTimeOffset At { get; }

    /// <summary>The target tonic's id in the recorded run.</summary>
    public int TonicId { get; }

    /// <summary>The target tonic's name: the replayer finds the fresh tonic by it.</summary>
    public string TonicName { get; }

    /// <summary>The target tonic's class (full name).</summary>
    public string TonicType { get; }

    /// <summary>The catalyst it ran on.</summary>
    public string CatalystName { get; }

    /// <summary>The TaskTonic name of the sparkle or runtime work order (<c>ttsc__open</c>, <c>_ttss__timer_expired</c>…).</summary>
    public string Sparkle { get; }

    /// <summary>The sending tonic's name, or null for code outside any sparkle.</summary>
    public string? SourceTonicName { get; }

    /// <summary>The sending sparkle's name, or empty.</summary>
    public string SourceSparkle { get; }

    /// <summary>For <see cref="RecordKind.Timer"/>: the timer's name; otherwise null.</summary>
    public string? TimerName => Kind == RecordKind.Timer ? Detail : null;

    /// <summary>For <see cref="RecordKind.StateRequest"/>: the requested state, or null for no state; otherwise null.</summary>
    public string? TargetState => Kind == RecordKind.StateRequest ? Detail : null;

    /// <summary>For <see cref="RecordKind.StateRequest"/>: whether the request forces a re-enter.</summary>
    public bool ForceReenter => (Flags & RecordingFormat.ForceFlag) != 0;

    /// <summary>
    /// For <see cref="RecordKind.Sparkle"/>: the arguments, a MessagePack array with one element per parameter (tonics by name);
    /// null when the sparkle's arguments could not be encoded (see <see cref="ArgumentsText"/>).
    /// </summary>
    public ReadOnlyMemory<byte>? Arguments { get; }

    /// <summary>When the arguments could not be encoded: their <c>ToString()</c>; otherwise null.</summary>
    public string? ArgumentsText { get; }

    /// <summary>
    /// For <see cref="RecordKind.Timer"/>: whether the timer raised, so its handler ran. A firing that came early (the
    /// timer re-armed itself) or after the timer stopped did nothing, and is not replayed.
    /// </summary>
    public bool TimerDue => (Flags & RecordingFormat.TimerDueFlag) != 0;

    /// <summary>True for what the replayer re-posts: sparkles, state requests, finishes, and timer firings that were due.</summary>
    public bool IsReplayable => Kind is RecordKind.Sparkle or RecordKind.StateRequest or RecordKind.Finish || (Kind == RecordKind.Timer && TimerDue);

    internal string? Detail { get; }

    internal int Flags { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Position} {At:HH:mm:ss.fffffff} {TonicName}.{Sparkle}{(Detail is null ? string.Empty : $" '{Detail}'")} from {(SourceTonicName is null ? SourceSparkle : $"{SourceTonicName}.{SourceSparkle}")}";
}

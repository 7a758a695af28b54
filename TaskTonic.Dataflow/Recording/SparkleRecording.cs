namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// A recording read back and fully validated (header, every record's checksum, the end marker): a recording that is
/// corrupt, truncated or of an unsupported format version is refused as a whole, so a replay never runs part of one.
/// </summary>
public sealed class SparkleRecording
{
    internal SparkleRecording(int version, DateTimeOffset startedAt, string projectName, string writer, IReadOnlyList<RecordedWorkOrder> records)
    {
        Version = version;
        StartedAt = startedAt;
        ProjectName = projectName;
        Writer = writer;
        Records = records;
    }

    /// <summary>The format version this library writes and reads.</summary>
    public static int CurrentVersion => RecordingFormat.Version;

    /// <summary>The recording's format version.</summary>
    public int Version { get; }

    /// <summary>The ledger's time when recording began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The recorded application's <see cref="FormulaOptions.ProjectName"/>.</summary>
    public string ProjectName { get; }

    /// <summary>The library that wrote it, with its version.</summary>
    public string Writer { get; }

    /// <summary>The recorded work orders, in the order they ran.</summary>
    public IReadOnlyList<RecordedWorkOrder> Records { get; }

    /// <summary>The names of the recorded tonics, in order of their first record.</summary>
    public IReadOnlyList<string> TonicNames => [.. Records.Select(r => r.TonicName).Distinct(StringComparer.Ordinal)];

    /// <summary>Reads and validates a recording from <paramref name="stream"/> (to its end marker).</summary>
    /// <exception cref="RecordingFormatException">Not a recording, an unsupported version, corrupt or truncated.</exception>
    public static SparkleRecording Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return RecordingReader.Read(stream);
    }

    /// <summary>Reads and validates the recording in the file at <paramref name="path"/>.</summary>
    /// <exception cref="RecordingFormatException">Not a recording, an unsupported version, corrupt or truncated.</exception>
    public static SparkleRecording Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return RecordingReader.Read(file);
    }

    /// <summary>The sparkle names of the work orders recorded for <paramref name="tonicName"/>, in order.</summary>
    public IReadOnlyList<string> WorkOrdersOf(string tonicName, bool replayableOnly = false) =>
        [.. Records.Where(r => r.TonicName == tonicName && (!replayableOnly || r.IsReplayable)).Select(r => r.Sparkle)];

    /// <inheritdoc/>
    public override string ToString() => $"Recording v{Version} of '{ProjectName}' from {StartedAt:u}: {Records.Count} work orders";
}

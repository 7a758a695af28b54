namespace TaskTonic.Dataflow.Recording;

/// <summary>Which tonics a <see cref="Recorder"/> records, and what it does with the stream.</summary>
public sealed class RecordingOptions
{
    /// <summary>Record work orders entering tonics with these names. With neither this nor <see cref="Catalysts"/> set, every tonic is recorded.</summary>
    public IReadOnlyCollection<string>? Tonics { get; init; }

    /// <summary>Record work orders entering tonics bound to catalysts with these names (the catalysts themselves included).</summary>
    public IReadOnlyCollection<string>? Catalysts { get; init; }

    /// <summary>Keep the stream open when the recorder is disposed. The default is false: the recorder closes it.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>The size of the write buffer in front of the stream, in bytes. The default is 64 KiB.</summary>
    public int BufferSize { get; init; } = 64 * 1024;

    internal bool Selects(Tonic tonic)
    {
        if (Tonics is null && Catalysts is null)
        {
            return true;
        }

        return (Tonics?.Contains(tonic.Name) ?? false) || (Catalysts?.Contains(tonic.Catalyst.Name) ?? false);
    }
}

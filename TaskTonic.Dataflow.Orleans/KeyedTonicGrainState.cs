namespace TaskTonic.Dataflow.Orleans;

/// <summary>What grain storage keeps per key: the tonic's last snapshot and, per sender, the last sequence applied.</summary>
[GenerateSerializer]
internal sealed class KeyedTonicGrainState
{
    [Id(0)]
    public byte[]? Snapshot { get; set; }

    [Id(1)]
    public Dictionary<Guid, long> LastSequences { get; set; } = [];

    // Id(2) held an applied-command count that nothing read; it is no longer written (older stored states still load).
}

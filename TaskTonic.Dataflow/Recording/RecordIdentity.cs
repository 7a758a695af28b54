using System.Buffers;
using System.Runtime.CompilerServices;
using MessagePack;

namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// The pre-encoded fields 2–8 of a work order record (tonic id, name, type, catalyst, sparkle, source, source sparkle),
/// cached per thread in a small direct-mapped table: a chain or a flood encodes its strings once, not per work order.
/// </summary>
internal sealed class RecordIdentity
{
    private const int Slots = 16;

    [ThreadStatic]
    private static RecordIdentity?[]? t_slots;

    private RecordIdentity(Tonic tonic, Catalyst catalyst, int sparkle, Tonic? source, int sourceSparkle, byte[] bytes)
    {
        Tonic = tonic;
        Catalyst = catalyst;
        Sparkle = sparkle;
        Source = source;
        SourceSparkle = sourceSparkle;
        Bytes = bytes;
    }

    private Tonic Tonic { get; }

    private Catalyst Catalyst { get; }

    private int Sparkle { get; }

    private Tonic? Source { get; }

    private int SourceSparkle { get; }

    private byte[] Bytes { get; }

    /// <summary>The encoded fields for this target, sparkle and source.</summary>
    public static ReadOnlySpan<byte> Of(Tonic tonic, int sparkle, Tonic? source, int sourceSparkle)
    {
        var slots = t_slots ??= new RecordIdentity?[Slots];
        var hash = RuntimeHelpers.GetHashCode(tonic) ^ (sparkle * 397) ^ (sourceSparkle * 31) ^ (source is null ? 0 : RuntimeHelpers.GetHashCode(source) * 7);
        var slot = hash & (Slots - 1);
        var cached = slots[slot];
        var catalyst = tonic.Catalyst;
        if (cached is not null && ReferenceEquals(cached.Tonic, tonic) && ReferenceEquals(cached.Catalyst, catalyst) && cached.Sparkle == sparkle
            && ReferenceEquals(cached.Source, source) && cached.SourceSparkle == sourceSparkle)
        {
            return cached.Bytes;
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(buffer);
        writer.Write(tonic.Id);
        writer.Write(tonic.Name);
        writer.Write(tonic.GetType().FullName);
        writer.Write(catalyst.Name);
        writer.Write(Tonic.NameOfSparkle(tonic, sparkle));
        writer.Write(source?.Name);
        writer.Write(Tonic.NameOfSparkle(source, sourceSparkle));
        writer.Flush();
        var identity = new RecordIdentity(tonic, catalyst, sparkle, source, sourceSparkle, buffer.WrittenSpan.ToArray());
        slots[slot] = identity;
        return identity.Bytes;
    }
}

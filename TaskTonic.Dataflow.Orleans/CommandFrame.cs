using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// One keyed command on the wire, as a single byte array: a fixed header (handler number, sender, sequence,
/// deduplicate flag) followed by the message in MessagePack. One array and nothing else, because Orleans copies a
/// call's arguments into a request object and boxes every value-type argument it inspects: a command sent as one
/// reference costs one object per side.
/// </summary>
/// <remarks>Layout, little-endian: handler (8 bytes), sender (16), sequence (8), flags (1: bit 0 = deduplicate), message.</remarks>
internal static class CommandFrame
{
    private const int HeaderSize = 33;

    /// <summary>A thread keeps its writer for the next command only up to this size (one huge message does not pin its buffer).</summary>
    private const int KeptWriterCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_writer;

    /// <summary>Frames <paramref name="message"/> as a command of <paramref name="sender"/> (sequence and flag are written by <see cref="Stamp"/>).</summary>
    public static byte[] Write<TMessage>(TMessage message, Guid sender)
    {
        // taken off the thread while in use: a formatter that sends from inside a serialization gets a writer of its own
        var writer = t_writer ?? new ArrayBufferWriter<byte>(256);
        t_writer = null;
        try
        {
            writer.ResetWrittenCount();
            WriteHeader(writer.GetSpan(HeaderSize), HandlerId.For<TMessage>(), sender, sequence: 0, deduplicate: false);
            writer.Advance(HeaderSize);
            MessagePackSerializer.Serialize(writer, message, KeyedTonicSiloOptions<Tonic>.Serializer);
            return writer.WrittenSpan.ToArray();
        }
        finally
        {
            t_writer = writer.Capacity <= KeptWriterCapacity ? writer : null;
        }
    }

    /// <summary>Writes the sequence number and the deduplicate flag, once the command has its place in its key's lane.</summary>
    public static void Stamp(Span<byte> frame, long sequence, bool deduplicate)
    {
        BinaryPrimitives.WriteInt64LittleEndian(frame[24..32], sequence);
        frame[32] = deduplicate ? (byte)1 : (byte)0;
    }

    /// <summary>A command built field by field (tests and tools; the client uses <see cref="Write{TMessage}"/>).</summary>
    public static byte[] Of(long handler, ReadOnlySpan<byte> payload, Guid sender, long sequence, bool deduplicate)
    {
        var frame = new byte[HeaderSize + payload.Length];
        WriteHeader(frame, handler, sender, sequence, deduplicate);
        payload.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>Reads a command's header; the message is the rest of the array.</summary>
    /// <exception cref="KeyedTonicException">The array is shorter than a header.</exception>
    public static (long Handler, Guid Sender, long Sequence, bool Deduplicate, ReadOnlyMemory<byte> Payload) Read(byte[] frame)
    {
        if (frame.Length < HeaderSize)
        {
            throw new KeyedTonicException($"A keyed command must be at least {HeaderSize} bytes; this one has {frame.Length}.");
        }

        var span = frame.AsSpan();
        return (BinaryPrimitives.ReadInt64LittleEndian(span), new Guid(span[8..24]), BinaryPrimitives.ReadInt64LittleEndian(span[24..32]),
            (span[32] & 1) != 0, frame.AsMemory(HeaderSize));
    }

    private static void WriteHeader(Span<byte> header, long handler, Guid sender, long sequence, bool deduplicate)
    {
        BinaryPrimitives.WriteInt64LittleEndian(header, handler);
        sender.TryWriteBytes(header[8..24]);
        Stamp(header, sequence, deduplicate);
    }
}

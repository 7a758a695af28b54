using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace TaskTonic.Dataflow.Recording;

/// <summary>Writes the framing of a recording (header, records, end marker) to a stream. Not thread-safe: the recorder locks.</summary>
internal sealed class RecordingWriter
{
    private readonly Stream _stream;
    private readonly byte[] _frame = new byte[8];
    private long _records;

    public RecordingWriter(Stream stream) => _stream = stream;

    public long Records => _records;

    public void WriteHeader(DateTimeOffset startedAt, string project)
    {
        var payload = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(payload);
        writer.WriteMapHeader(3);
        writer.Write("startedAt");
        writer.Write(startedAt.UtcTicks);
        writer.Write("project");
        writer.Write(project);
        writer.Write("writer");
        writer.Write($"TaskTonic.Dataflow {typeof(RecordingWriter).Assembly.GetName().Version}");
        writer.Flush();

        Span<byte> fixedPart = stackalloc byte[16];
        RecordingFormat.Magic.CopyTo(fixedPart);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart[8..], RecordingFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart[10..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[12..], payload.WrittenCount);
        _stream.Write(fixedPart);
        _stream.Write(payload.WrittenSpan);
        WriteCrc(payload.WrittenSpan);
    }

    public void WriteRecord(ReadOnlySpan<byte> payload)
    {
        WriteFrame(RecordingFormat.RecordTag, payload);
        _records++;
    }

    public void WriteEnd()
    {
        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(payload, _records);
        WriteFrame(RecordingFormat.EndTag, payload);
        _stream.Flush();
    }

    private void WriteFrame(byte tag, ReadOnlySpan<byte> payload)
    {
        _frame[0] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(_frame.AsSpan(1), payload.Length);
        _stream.Write(_frame, 0, 5);
        _stream.Write(payload);
        WriteCrc(payload);
    }

    private void WriteCrc(ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_frame, RecordingFormat.Crc32C(payload));
        _stream.Write(_frame, 0, 4);
    }
}

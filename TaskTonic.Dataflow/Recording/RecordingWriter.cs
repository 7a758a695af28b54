using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// Writes the framing of a recording (header, records, end marker) through its own buffer to a stream.
/// Not thread-safe: the recorder locks.
/// </summary>
internal sealed class RecordingWriter
{
    private const int FrameOverhead = 9;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _used;
    private long _records;

    public RecordingWriter(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(bufferSize, 512)];
    }

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
        Append(fixedPart);
        Append(payload.WrittenSpan);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, RecordingFormat.Crc32C(payload.WrittenSpan));
        Append(crc);
        Flush();
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
        Flush();
    }

    /// <summary>Writes the buffered bytes to the stream and flushes it.</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }

        _stream.Flush();
    }

    private void WriteFrame(byte tag, ReadOnlySpan<byte> payload)
    {
        var size = payload.Length + FrameOverhead;
        if (size > _buffer.Length - _used)
        {
            Spill();
        }

        if (size > _buffer.Length)
        {
            Span<byte> head = stackalloc byte[5];
            head[0] = tag;
            BinaryPrimitives.WriteInt32LittleEndian(head[1..], payload.Length);
            _stream.Write(head);
            _stream.Write(payload);
            Span<byte> tail = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(tail, RecordingFormat.Crc32C(payload));
            _stream.Write(tail);
            return;
        }

        var frame = _buffer.AsSpan(_used, size);
        frame[0] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(frame[1..], payload.Length);
        payload.CopyTo(frame[5..]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[(5 + payload.Length)..], RecordingFormat.Crc32C(payload));
        _used += size;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Spill();
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Spill()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}

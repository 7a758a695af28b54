using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace TaskTonic.Dataflow.Recording;

/// <summary>Reads and validates the recording format; every problem is a <see cref="RecordingFormatException"/>.</summary>
internal sealed class RecordingReader
{
    private readonly Stream _stream;
    private long _offset;

    private RecordingReader(Stream stream) => _stream = stream;

    public static SparkleRecording Read(Stream stream) => new RecordingReader(stream).ReadAll();

    private SparkleRecording ReadAll()
    {
        var magic = new byte[8];
        var got = _stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (got < magic.Length || !magic.AsSpan().SequenceEqual(RecordingFormat.Magic))
        {
            throw new RecordingFormatException(got == 0
                ? "The stream is empty: it is not a TaskTonic recording."
                : "The stream is not a TaskTonic recording: it does not start with the magic bytes \"TTRECORD\".", 0);
        }

        _offset = 8;
        var fixedPart = ReadExactly(8, "the header");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart);
        if (version != RecordingFormat.Version)
        {
            throw new RecordingFormatException(version < RecordingFormat.Version
                ? $"The recording has format version {version}, an older format this reader does not read (it reads version {RecordingFormat.Version}). Record it again with this version of TaskTonic.Dataflow."
                : $"The recording has format version {version}, newer than this reader supports (version {RecordingFormat.Version}). Read it with a newer TaskTonic.Dataflow.", 8);
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(2));
        if (flags != 0)
        {
            throw new RecordingFormatException($"The recording uses header flags 0x{flags:X4}, which format version {version} does not define.", 10);
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(fixedPart.AsSpan(4));
        var header = ReadPayload(headerLength, "the header");
        var (startedAt, project, writer) = ParseHeader(header);
        var records = new List<RecordedWorkOrder>();
        while (true)
        {
            var frameAt = _offset;
            var tag = _stream.ReadByte();
            if (tag < 0)
            {
                throw new RecordingFormatException(
                    $"The recording is truncated: it ends after {records.Count} work orders without an end marker.", frameAt);
            }

            _offset++;
            if (tag is not RecordingFormat.RecordTag and not RecordingFormat.EndTag)
            {
                throw new RecordingFormatException($"The recording is corrupt: unknown frame tag 0x{tag:X2} after {records.Count} work orders.", frameAt);
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(ReadExactly(4, "a frame length"));
            var what = tag == RecordingFormat.EndTag ? "the end marker" : $"work order #{records.Count}";
            var payload = ReadPayload(length, what);
            if (tag == RecordingFormat.EndTag)
            {
                var count = payload.Length == 8 ? BinaryPrimitives.ReadInt64LittleEndian(payload) : -1;
                if (count != records.Count)
                {
                    throw new RecordingFormatException(
                        $"The recording is corrupt: its end marker counts {count} work orders, but {records.Count} were read.", frameAt);
                }

                return new SparkleRecording(version, startedAt, project, writer, records);
            }

            records.Add(ParseRecord(payload, records.Count, frameAt));
        }
    }

    private byte[] ReadPayload(int length, string what)
    {
        var at = _offset;
        if (length < 0 || length > RecordingFormat.MaxPayload)
        {
            throw new RecordingFormatException($"The recording is corrupt: {what} claims {length} bytes (the limit is {RecordingFormat.MaxPayload}).", at - 4);
        }

        if (_stream.CanSeek && length > _stream.Length - _stream.Position)
        {
            throw new RecordingFormatException(
                $"The recording is truncated: {what} needs {length} bytes, but only {_stream.Length - _stream.Position} remain.", at);
        }

        var payload = new byte[length];
        ReadInto(payload, what);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(ReadExactly(4, $"the checksum of {what}"));
        if (crc != RecordingFormat.Crc32C(payload))
        {
            throw new RecordingFormatException($"The recording is corrupt: the checksum of {what} does not match.", at);
        }

        return payload;
    }

    private byte[] ReadExactly(int count, string what)
    {
        var bytes = new byte[count];
        ReadInto(bytes, what);
        return bytes;
    }

    private void ReadInto(byte[] bytes, string what)
    {
        var got = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (got < bytes.Length)
        {
            throw new RecordingFormatException(
                $"The recording is truncated: it ends inside {what} ({got} of {bytes.Length} bytes).", _offset + got);
        }

        _offset += bytes.Length;
    }

    private static (DateTimeOffset StartedAt, string Project, string Writer) ParseHeader(byte[] payload)
    {
        try
        {
            var reader = new MessagePackReader(payload);
            var count = reader.ReadMapHeader();
            long? started = null;
            string project = string.Empty, writer = string.Empty;
            for (var i = 0; i < count; i++)
            {
                switch (reader.ReadString())
                {
                    case "startedAt":
                        started = reader.ReadInt64();
                        break;
                    case "project":
                        project = reader.ReadString() ?? string.Empty;
                        break;
                    case "writer":
                        writer = reader.ReadString() ?? string.Empty;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return started is { } ticks
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), project, writer)
                : throw new RecordingFormatException("The recording's header has no start time.", 16);
        }
        catch (Exception ex) when (ex is not RecordingFormatException)
        {
            throw new RecordingFormatException("The recording's header is malformed.", 16, ex);
        }
    }

    private static RecordedWorkOrder ParseRecord(byte[] payload, int position, long offset)
    {
        try
        {
            var reader = new MessagePackReader(payload);
            var fields = reader.ReadArrayHeader();
            if (fields < RecordingFormat.RecordFields)
            {
                throw new RecordingFormatException($"The recording is corrupt: work order #{position} has {fields} fields instead of {RecordingFormat.RecordFields}.", offset);
            }

            var kind = (RecordKind)reader.ReadInt32();
            var at = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var tonicId = reader.ReadInt32();
            var tonicName = reader.ReadString() ?? string.Empty;
            var tonicType = reader.ReadString() ?? string.Empty;
            var catalyst = reader.ReadString() ?? string.Empty;
            var sparkle = reader.ReadString() ?? string.Empty;
            var sourceName = reader.ReadString();
            var sourceSparkle = reader.ReadString() ?? string.Empty;
            var detail = reader.ReadString();
            var flags = reader.ReadInt32();
            ReadOnlyMemory<byte>? arguments = null;
            if (!reader.TryReadNil() && reader.ReadBytes() is { } bytes)
            {
                arguments = bytes.ToArray();
            }

            var text = reader.ReadString();
            if (!Enum.IsDefined(kind))
            {
                throw new RecordingFormatException($"The recording is corrupt: work order #{position} has the unknown kind {(int)kind}.", offset);
            }

            return new RecordedWorkOrder(position, kind, at, tonicId, tonicName, tonicType, catalyst, sparkle, sourceName, sourceSparkle,
                detail, flags, arguments, text);
        }
        catch (Exception ex) when (ex is not RecordingFormatException)
        {
            throw new RecordingFormatException($"The recording is corrupt: work order #{position} is malformed.", offset, ex);
        }
    }
}

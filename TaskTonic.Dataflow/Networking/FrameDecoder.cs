using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using MessagePack;

namespace TaskTonic.Dataflow.Networking;

/// <summary>The outcome of one attempt to cut a frame from the received bytes.</summary>
internal enum DecodeStatus
{
    Frame,
    NeedMore,
    Invalid,
}

/// <summary>Cuts frames from received bytes for each <see cref="TcpFraming"/>; validates before anything is delivered.</summary>
internal static class FrameDecoder
{
    private const int PrefixLength = 4;

    /// <summary>Takes one frame from the start of <paramref name="buffer"/> (advancing it), or says why not.</summary>
    public static DecodeStatus TryDecode(TcpFraming framing, int maxFrameSize, ref ReadOnlySequence<byte> buffer,
        out TcpFrame? frame, out TcpCloseReason error)
    {
        frame = null;
        error = default;
        if (buffer.IsEmpty)
        {
            return DecodeStatus.NeedMore;
        }

        return framing switch
        {
            TcpFraming.Raw => DecodeRaw(maxFrameSize, ref buffer, out frame),
            TcpFraming.Lines => DecodeLine(maxFrameSize, ref buffer, out frame, out error),
            _ => DecodePrefixed(framing == TcpFraming.MessagePack, maxFrameSize, ref buffer, out frame, out error),
        };
    }

    private static DecodeStatus DecodeRaw(int maxFrameSize, ref ReadOnlySequence<byte> buffer, out TcpFrame? frame)
    {
        var take = buffer.Slice(0, Math.Min(buffer.Length, maxFrameSize));
        frame = new TcpFrame(take.ToArray());
        buffer = buffer.Slice(take.End);
        return DecodeStatus.Frame;
    }

    private static DecodeStatus DecodeLine(int maxFrameSize, ref ReadOnlySequence<byte> buffer, out TcpFrame? frame, out TcpCloseReason error)
    {
        frame = null;
        error = default;
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            if (buffer.Length > maxFrameSize)
            {
                error = TcpCloseReason.FrameTooLarge;
                return DecodeStatus.Invalid;
            }

            return DecodeStatus.NeedMore;
        }

        var line = buffer.Slice(0, end.Value);
        if (line.Length > maxFrameSize)
        {
            error = TcpCloseReason.FrameTooLarge;
            return DecodeStatus.Invalid;
        }

        var bytes = line.ToArray();
        var length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
        string text;
        try
        {
            text = Utf8.Strict.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            error = TcpCloseReason.InvalidUtf8;
            return DecodeStatus.Invalid;
        }

        frame = new TcpFrame(length == bytes.Length ? bytes : bytes[..length], text);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return DecodeStatus.Frame;
    }

    private static DecodeStatus DecodePrefixed(bool messagePack, int maxFrameSize, ref ReadOnlySequence<byte> buffer,
        out TcpFrame? frame, out TcpCloseReason error)
    {
        frame = null;
        error = default;
        if (buffer.Length < PrefixLength)
        {
            return DecodeStatus.NeedMore;
        }

        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (length > (uint)maxFrameSize)
        {
            // Refused on the prefix alone: a huge length never makes the reader buffer its body.
            error = TcpCloseReason.FrameTooLarge;
            return DecodeStatus.Invalid;
        }

        if (buffer.Length < PrefixLength + length)
        {
            return DecodeStatus.NeedMore;
        }

        var payload = buffer.Slice(PrefixLength, length).ToArray();
        if (messagePack && !IsOneMessagePackValue(payload))
        {
            error = TcpCloseReason.InvalidMessagePack;
            return DecodeStatus.Invalid;
        }

        frame = new TcpFrame(payload);
        buffer = buffer.Slice(PrefixLength + length);
        return DecodeStatus.Frame;
    }

    /// <summary>True when the bytes are exactly one complete, well-formed MessagePack value (structure only).</summary>
    internal static bool IsOneMessagePackValue(byte[] payload)
    {
        if (payload.Length == 0)
        {
            return false;
        }

        try
        {
            var reader = new MessagePackReader(payload);
            reader.Skip();
            return reader.End;
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }
}

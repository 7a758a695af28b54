using System.Buffers.Binary;
using MessagePack;

namespace TaskTonic.Dataflow.Networking;

/// <summary>Builds the wire bytes of one outgoing frame, on the sending thread (any thread).</summary>
internal static class FrameEncoder
{
    public static byte[] Encode(TcpFraming framing, int maxFrameSize, ReadOnlySpan<byte> payload, string parameterName)
    {
        if (payload.Length > maxFrameSize)
        {
            throw new ArgumentException($"The payload has {payload.Length} bytes; the maximum frame size is {maxFrameSize}.", parameterName);
        }

        switch (framing)
        {
            case TcpFraming.Raw:
                return payload.ToArray();
            case TcpFraming.Lines:
                if (payload.IndexOf((byte)'\n') >= 0)
                {
                    throw new ArgumentException("A line may not contain '\\n': it would split into two frames.", parameterName);
                }

                var line = new byte[payload.Length + 1];
                payload.CopyTo(line);
                line[^1] = (byte)'\n';
                return line;
            case TcpFraming.MessagePack when !FrameDecoder.IsOneMessagePackValue(payload.ToArray()):
                throw new ArgumentException("The payload is not exactly one MessagePack value.", parameterName);
            default:
                var framed = new byte[payload.Length + 4];
                BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)payload.Length);
                payload.CopyTo(framed.AsSpan(4));
                return framed;
        }
    }

    public static byte[] EncodeText(TcpFraming framing, int maxFrameSize, string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        return Encode(framing, maxFrameSize, Utf8.Strict.GetBytes(text), parameterName);
    }

    public static byte[] EncodeMessagePack<T>(TcpFraming framing, int maxFrameSize, T value, MessagePackSerializerOptions? options, string parameterName)
    {
        if (framing is not (TcpFraming.MessagePack or TcpFraming.LengthPrefixed or TcpFraming.Raw))
        {
            throw new InvalidOperationException($"MessagePack values need a binary framing, not {framing}.");
        }

        return Encode(framing, maxFrameSize, MessagePackSerializer.Serialize(value, options), parameterName);
    }
}

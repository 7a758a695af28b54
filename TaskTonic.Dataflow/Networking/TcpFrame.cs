using System.Text;
using MessagePack;

namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// One received frame: an immutable copy of its payload bytes (without the framing), safe to hand to any catalyst.
/// </summary>
public sealed class TcpFrame
{
    private readonly byte[] _payload;
    private string? _text;

    internal TcpFrame(byte[] payload, string? text = null)
    {
        _payload = payload;
        _text = text;
    }

    /// <summary>The payload bytes (a private copy; never changes).</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    /// <summary>The payload length in bytes.</summary>
    public int Length => _payload.Length;

    /// <summary>The payload decoded as UTF-8 (for <see cref="TcpFraming.Lines"/>: the line without its end).</summary>
    /// <exception cref="DecoderFallbackException">The payload is not valid UTF-8 (only possible for non-line framings).</exception>
    public string Text => _text ??= Utf8.Strict.GetString(_payload);

    /// <summary>Deserializes the payload as MessagePack.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="options">Serializer options; null uses MessagePack's defaults.</param>
    /// <exception cref="MessagePackSerializationException">The payload does not hold a <typeparamref name="T"/>.</exception>
    public T Deserialize<T>(MessagePackSerializerOptions? options = null) => MessagePackSerializer.Deserialize<T>(_payload, options);

    /// <inheritdoc />
    public override string ToString() => $"TcpFrame({_payload.Length} bytes)";
}

/// <summary>A UTF-8 encoding that throws on invalid bytes instead of substituting them.</summary>
internal static class Utf8
{
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}

using System.Buffers;

namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// A growable byte buffer for encoding one record, like <see cref="ArrayBufferWriter{T}"/> but with write access to what
/// was written, so a length or a flag can be patched in place and a failed argument encoding rolled back.
/// </summary>
internal sealed class RecordBuffer : IBufferWriter<byte>
{
    private byte[] _bytes;

    public RecordBuffer(int capacity) => _bytes = new byte[capacity];

    /// <summary>The number of bytes written.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes written, writable.</summary>
    public Span<byte> Written => _bytes.AsSpan(0, Count);

    /// <summary>Forgets everything written from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = count;

    /// <inheritdoc/>
    public void Advance(int count) => Count += count;

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsMemory(Count);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes.AsSpan(Count);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Count + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        }
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;

namespace TaskTonic.Dataflow.Serialization;

/// <summary>
/// The buffer a copy is written into. It hands out small spans, so MessagePack asks for more every few dozen nested
/// objects, and each time checks that the stack has room: the backstop for members typed <c>object</c>, whose values
/// MessagePack writes past <see cref="DepthGuardResolver"/>.
/// </summary>
internal sealed class StackCheckingBufferWriter : IBufferWriter<byte>
{
    private const int MaxSpan = 1024;
    private readonly ArrayBufferWriter<byte> _inner = new(256);

    public ReadOnlyMemory<byte> WrittenMemory => _inner.WrittenMemory;

    public void Advance(int count) => _inner.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        CheckStack();
        var memory = _inner.GetMemory(sizeHint);
        return memory.Length > MaxSpan && sizeHint <= MaxSpan ? memory[..MaxSpan] : memory;
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        CheckStack();
        var span = _inner.GetSpan(sizeHint);
        return span.Length > MaxSpan && sizeHint <= MaxSpan ? span[..MaxSpan] : span;
    }

    private static void CheckStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new CopyDepthException("it holds a reference cycle (cycle detected) or nests deeper than the stack of this thread can copy");
        }
    }
}

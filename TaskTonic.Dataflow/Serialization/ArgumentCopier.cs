using MessagePack;
using MessagePack.Resolvers;

namespace TaskTonic.Dataflow.Serialization;

/// <summary>
/// Copies mutable sparkle arguments that cross catalysts, by a MessagePack round trip (contractless, so plain classes
/// with public members and <c>[MessagePackObject]</c> types both work).
/// </summary>
/// <remarks>
/// A copy never overflows the stack: an object graph with a reference cycle, or nested deeper than
/// <see cref="MaxDepth"/> levels (or than the calling thread's stack can hold), is refused with an
/// <see cref="ArgumentException"/> at the sender that names the type and the reason.
/// </remarks>
public static class ArgumentCopier
{
    /// <summary>
    /// The most levels of nested objects a copy holds (a linked list of this many nodes copies; one more is refused).
    /// Chosen so a copy fits in the 1.5 MB stack of a .NET thread-pool thread (about 4,900 levels of a plain linked list
    /// were measured to fit); a thread with less stack left is refused before it would overflow.
    /// </summary>
    public const int MaxDepth = 4_000;

    private static readonly MessagePackSerializerOptions s_options = ContractlessStandardResolver.Options
        .WithSecurity(MessagePackSecurity.UntrustedData);

    // An in-process copy reads back what it just wrote, so it is trusted data (no hash-flooding guard); the guard
    // resolver bounds its depth, and MessagePack's own count is a second bound for members typed object.
    private static readonly MessagePackSerializerOptions s_copyOptions = MessagePackSerializerOptions.Standard
        .WithResolver(new DepthGuardResolver(ContractlessStandardResolver.Instance))
        .WithSecurity(MessagePackSecurity.TrustedData.WithMaximumObjectGraphDepth(2 * MaxDepth));

    /// <summary>The MessagePack options used for recordings (untrusted data: a file may be hostile).</summary>
    public static MessagePackSerializerOptions Options => s_options;

    /// <summary>Returns a deep copy of <paramref name="value"/>; null stays null.</summary>
    /// <exception cref="ArgumentException">
    /// The value cannot be serialized, holds a reference cycle, or nests deeper than <see cref="MaxDepth"/>; the message
    /// names its type and the reason.
    /// </exception>
    public static T Copy<T>(T value)
    {
        if (value is null)
        {
            return value;
        }

        try
        {
            var buffer = new StackCheckingBufferWriter();
            MessagePackSerializer.Serialize(buffer, value, s_copyOptions);
            return MessagePackSerializer.Deserialize<T>(buffer.WrittenMemory, s_copyOptions);
        }
        catch (MessagePackSerializationException ex)
        {
            DepthGuard.Reset();
            var reason = FindDepthFailure(ex)?.Message ?? ex.Message;
            throw new ArgumentException(
                $"An argument of type {value.GetType()} crosses catalysts and could not be copied with MessagePack: {reason}", nameof(value), ex);
        }
        catch (CopyDepthException ex)
        {
            DepthGuard.Reset();
            throw new ArgumentException(
                $"An argument of type {value.GetType()} crosses catalysts and could not be copied with MessagePack: {ex.Message}", nameof(value), ex);
        }
    }

    private static CopyDepthException? FindDepthFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is CopyDepthException depth)
            {
                return depth;
            }
        }

        return null;
    }
}

using MessagePack;
using MessagePack.Resolvers;

namespace TaskTonic.Dataflow.Serialization;

/// <summary>
/// Copies mutable sparkle arguments that cross catalysts, by a MessagePack round trip (contractless, so plain classes
/// with public members and <c>[MessagePackObject]</c> types both work).
/// </summary>
public static class ArgumentCopier
{
    private static readonly MessagePackSerializerOptions s_options = ContractlessStandardResolver.Options
        .WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>The MessagePack options used for copies (and recordings).</summary>
    public static MessagePackSerializerOptions Options => s_options;

    /// <summary>Returns a deep copy of <paramref name="value"/>; null stays null.</summary>
    /// <exception cref="ArgumentException">The value cannot be serialized; the message names its type.</exception>
    public static T Copy<T>(T value)
    {
        if (value is null)
        {
            return value;
        }

        try
        {
            var bytes = MessagePackSerializer.Serialize(value, s_options);
            return MessagePackSerializer.Deserialize<T>(bytes, s_options);
        }
        catch (MessagePackSerializationException ex)
        {
            throw new ArgumentException(
                $"An argument of type {value.GetType()} crosses catalysts and could not be copied with MessagePack: {ex.Message}", nameof(value), ex);
        }
    }
}

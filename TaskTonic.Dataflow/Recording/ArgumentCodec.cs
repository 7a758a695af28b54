using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MessagePack;
using TaskTonic.Dataflow.Serialization;

namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// Encodes a sparkle's packed arguments (null, the single argument, or a value tuple) as a MessagePack array with one
/// element per declared parameter, each written with its parameter type (<see cref="ArgumentCopier.Options"/>); tonics
/// are written by name. Decodes such an array back into packed arguments of the descriptor's parameter types.
/// </summary>
internal static class ArgumentCodec
{
    private static readonly ConcurrentDictionary<int, Type> s_tupleDefinitions = new();

    public static void Encode(ref MessagePackWriter writer, object? args, IReadOnlyList<Type> types)
    {
        writer.WriteArrayHeader(types.Count);
        if (types.Count == 1)
        {
            EncodeOne(ref writer, types[0], args);
            return;
        }

        if (types.Count > 1)
        {
            var tuple = (ITuple)args!;
            for (var i = 0; i < types.Count; i++)
            {
                EncodeOne(ref writer, types[i], tuple[i]);
            }
        }
    }

    /// <summary>Decodes the packed arguments; <paramref name="findTonic"/> resolves tonic names.</summary>
    /// <exception cref="ReplayException">The arguments do not match the parameter types.</exception>
    public static object? Decode(ReadOnlyMemory<byte> bytes, IReadOnlyList<Type> types, Func<string, Tonic?> findTonic)
    {
        var reader = new MessagePackReader(bytes);
        var count = reader.ReadArrayHeader();
        if (count != types.Count)
        {
            throw new ReplayException($"The recording has {count} argument(s), but the sparkle takes {types.Count}.");
        }

        var values = new object?[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = DecodeOne(ref reader, types[i], findTonic);
        }

        return count switch
        {
            0 => null,
            1 => values[0],
            _ => CreateTuple(types, values, 0),
        };
    }

    private static void EncodeOne(ref MessagePackWriter writer, Type type, object? value)
    {
        if (typeof(Tonic).IsAssignableFrom(type))
        {
            if (value is Tonic tonic)
            {
                writer.Write(tonic.Name);
            }
            else
            {
                writer.WriteNil();
            }

            return;
        }

        // The common primitives directly: the same encoding as their MessagePack formatters, without the lookup.
        switch (value)
        {
            case int i when type == typeof(int):
                writer.Write(i);
                return;
            case long l when type == typeof(long):
                writer.Write(l);
                return;
            case string s when type == typeof(string):
                writer.Write(s);
                return;
            case bool b when type == typeof(bool):
                writer.Write(b);
                return;
            case double d when type == typeof(double):
                writer.Write(d);
                return;
            case null when !type.IsValueType:
                writer.WriteNil();
                return;
        }

        MessagePackSerializer.Serialize(type, ref writer, value, ArgumentCopier.Options);
    }

    private static object? DecodeOne(ref MessagePackReader reader, Type type, Func<string, Tonic?> findTonic)
    {
        if (!typeof(Tonic).IsAssignableFrom(type))
        {
            return MessagePackSerializer.Deserialize(type, ref reader, ArgumentCopier.Options);
        }

        if (reader.TryReadNil())
        {
            return null;
        }

        var name = reader.ReadString()!;
        var tonic = findTonic(name) ?? throw new ReplayException($"An argument refers to tonic '{name}', which the replayed tree does not have.");
        return type.IsInstanceOfType(tonic) ? tonic
            : throw new ReplayException($"An argument refers to tonic '{name}', a {tonic.GetType().Name}, where a {type.Name} is expected.");
    }

    /// <summary>Builds a value tuple of <paramref name="types"/> from <paramref name="start"/> on, nesting the rest after seven items.</summary>
    private static object CreateTuple(IReadOnlyList<Type> types, object?[] values, int start)
    {
        var count = Math.Min(types.Count - start, 8);
        var itemTypes = new Type[count];
        var items = new object?[count];
        for (var i = 0; i < Math.Min(count, 7); i++)
        {
            itemTypes[i] = types[start + i];
            items[i] = values[start + i];
        }

        if (count == 8)
        {
            var rest = CreateTuple(types, values, start + 7);
            itemTypes[7] = rest.GetType();
            items[7] = rest;
        }

        var definition = s_tupleDefinitions.GetOrAdd(count, static n => Type.GetType($"System.ValueTuple`{n}", throwOnError: true)!);
        return Activator.CreateInstance(definition.MakeGenericType(itemTypes), items)!;
    }
}

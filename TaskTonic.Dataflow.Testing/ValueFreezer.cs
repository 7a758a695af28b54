using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MessagePack;
using TaskTonic.Dataflow.Serialization;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// Freezes values for the trace: immutable values and tonics stay as they are; anything else becomes a MessagePack copy
/// (<see cref="ArgumentCopier"/>'s options) or, when it cannot be copied, its <c>ToString()</c>; tuples that cannot be
/// copied as a whole become arrays of frozen items.
/// </summary>
internal static class ValueFreezer
{
    private static readonly ConcurrentDictionary<Type, bool> s_immutable = new();
    private static readonly ConcurrentDictionary<Type, bool> s_uncopyable = new();

    public static object? Freeze(object? value)
    {
        if (value is null or Tonic)
        {
            return value;
        }

        var type = value.GetType();
        if (IsImmutable(type))
        {
            return value;
        }

        if (value is not Delegate && !s_uncopyable.ContainsKey(type))
        {
            try
            {
                var bytes = MessagePackSerializer.Serialize(type, value, ArgumentCopier.Options);
                return MessagePackSerializer.Deserialize(type, bytes, ArgumentCopier.Options);
            }
            catch (Exception ex) when (ex is MessagePackSerializationException or NotSupportedException or InvalidOperationException
                or ArgumentException or FormatException or MissingMethodException)
            {
                s_uncopyable.TryAdd(type, true);
            }
        }

        if (value is ITuple tuple)
        {
            var items = new object?[tuple.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Freeze(tuple[i]);
            }

            return items;
        }

        return value.ToString();
    }

    /// <summary>Primitives, strings, enums, common value types, and tuples of them.</summary>
    public static bool IsImmutable(Type type) => s_immutable.GetOrAdd(type, static t => Decide(t));

    private static bool Decide(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Version) || typeof(Tonic).IsAssignableFrom(type))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        var composite = definition == typeof(Nullable<>) || definition == typeof(KeyValuePair<,>)
            || (definition.Namespace == "System" && (definition.Name.StartsWith("ValueTuple`", StringComparison.Ordinal)
                || definition.Name.StartsWith("Tuple`", StringComparison.Ordinal)));
        return composite && type.GetGenericArguments().All(IsImmutable);
    }
}

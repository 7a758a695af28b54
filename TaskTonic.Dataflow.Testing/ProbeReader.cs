using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace TaskTonic.Dataflow.Testing;

/// <summary>Reads named tonic members through compiled accessors: reflection once per type and member, not per sparkle.</summary>
internal static class ProbeReader
{
    private static readonly ConcurrentDictionary<(Type Type, string Member), Func<object, object?>?> s_readers = new();
    private static readonly IReadOnlyDictionary<string, object?> s_empty = new Dictionary<string, object?>();

    /// <summary>Reads <paramref name="member"/> of <paramref name="tonic"/>; false when the type has no such readable member.</summary>
    public static bool TryRead(Tonic tonic, string member, out object? value)
    {
        var reader = s_readers.GetOrAdd((tonic.GetType(), member), static key => Compile(key.Type, key.Member));
        if (reader is null)
        {
            value = null;
            return false;
        }

        value = reader(tonic);
        return true;
    }

    /// <summary>The frozen values of the members that exist, in the given order; an empty map when there are none.</summary>
    public static IReadOnlyDictionary<string, object?> Snapshot(Tonic tonic, IReadOnlyList<string>? members)
    {
        if (members is null || members.Count == 0)
        {
            return s_empty;
        }

        var values = new Dictionary<string, object?>(members.Count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            object? value;
            try
            {
                if (!TryRead(tonic, member, out value))
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                value = $"<{ex.GetType().Name}: {ex.Message}>";
            }

            values[member] = ValueFreezer.Freeze(value);
        }

        return values;
    }

    /// <summary>Equality for probe conditions: <see cref="object.Equals(object, object)"/>, and numbers by value across types.</summary>
    public static bool ValuesEqual(object? actual, object? expected)
    {
        if (Equals(actual, expected))
        {
            return true;
        }

        if (IsNumber(actual) && IsNumber(expected))
        {
            try
            {
                return Convert.ToDecimal(actual, System.Globalization.CultureInfo.InvariantCulture)
                    == Convert.ToDecimal(expected, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsNumber(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static Func<object, object?>? Compile(Type type, string member)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var t = type; t is not null; t = t.BaseType)
        {
            var parameter = Expression.Parameter(typeof(object), "tonic");
            var target = Expression.Convert(parameter, t);
            Expression? read = null;
            if (t.GetProperty(member, flags) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
            {
                read = Expression.Property(target, property);
            }
            else if (t.GetField(member, flags) is { } field)
            {
                read = Expression.Field(target, field);
            }

            if (read is not null)
            {
                return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), parameter).Compile();
            }
        }

        return null;
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using MessagePack;
using MessagePack.Formatters;

namespace TaskTonic.Dataflow.Serialization;

/// <summary>
/// Wraps a resolver so every reference-typed value counts one level of nesting while it is written or read. MessagePack
/// writes a cyclic graph until the stack overflows (the process dies), so the count stops a copy at
/// <see cref="ArgumentCopier.MaxDepth"/> levels, or earlier when the thread's stack runs low, with a clear reason.
/// </summary>
internal sealed class DepthGuardResolver(IFormatterResolver inner) : IFormatterResolver
{
    public IMessagePackFormatter<T>? GetFormatter<T>()
    {
        var formatter = inner.GetFormatter<T>();
        if (typeof(T) == typeof(object) && formatter is not null)
        {
            // MessagePack's object formatter writes the runtime type with its own resolvers, past this one: route it back.
            return (IMessagePackFormatter<T>)(object)(s_object ??= new ObjectFormatter((IMessagePackFormatter<object>)formatter));
        }

        // Value types and strings cannot nest without a reference type in between, which is counted.
        if (formatter is null || typeof(T).IsValueType || typeof(T) == typeof(string) || typeof(T) == typeof(byte[]))
        {
            return formatter;
        }

        return Cache<T>.Guarded ??= new GuardedFormatter<T>(formatter);
    }

    private static ObjectFormatter? s_object;

    private static class Cache<T>
    {
        public static GuardedFormatter<T>? Guarded;
    }

    /// <summary>Writes an object-typed member with the formatter of its runtime type from the guarded resolver.</summary>
    private sealed class ObjectFormatter(IMessagePackFormatter<object> inner) : IMessagePackFormatter<object>
    {
        public void Serialize(ref MessagePackWriter writer, object value, MessagePackSerializerOptions options)
        {
            var type = value?.GetType();
            if (type is null || type == typeof(object) || type == typeof(string) || type.IsPrimitive)
            {
                inner.Serialize(ref writer, value!, options);
                return;
            }

            // Not through MessagePackSerializer.Serialize(Type, ...): its catch-and-wrap at every level would overflow the
            // stack while a refusal unwinds from deep inside.
            s_writers.GetOrAdd(type, CreateWriter)(ref writer, value!, options);
        }

        private static readonly ConcurrentDictionary<Type, WriteMethod> s_writers = new();

        private delegate void WriteMethod(ref MessagePackWriter writer, object value, MessagePackSerializerOptions options);

        private static WriteMethod CreateWriter(Type type) => typeof(ObjectFormatter)
            .GetMethod(nameof(Write), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate<WriteMethod>();

        private static void Write<T>(ref MessagePackWriter writer, object value, MessagePackSerializerOptions options) =>
            options.Resolver.GetFormatterWithVerify<T>().Serialize(ref writer, (T)value, options);

        public object Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            DepthGuard.Enter(null);
            try
            {
                return inner.Deserialize(ref reader, options);
            }
            finally
            {
                DepthGuard.Exit();
            }
        }
    }

    private sealed class GuardedFormatter<T>(IMessagePackFormatter<T> inner) : IMessagePackFormatter<T>
    {
        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            if (value is null)
            {
                inner.Serialize(ref writer, value, options);
                return;
            }

            DepthGuard.Enter(value);
            try
            {
                inner.Serialize(ref writer, value, options);
            }
            finally
            {
                DepthGuard.Exit();
            }
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            if (reader.IsNil)
            {
                return inner.Deserialize(ref reader, options);
            }

            DepthGuard.Enter(null);
            try
            {
                return inner.Deserialize(ref reader, options);
            }
            finally
            {
                DepthGuard.Exit();
            }
        }
    }
}

/// <summary>The nesting count of the copy running on this thread, and the objects on its path (to tell a cycle).</summary>
internal static class DepthGuard
{
    [ThreadStatic]
    private static object?[]? t_path;

    [ThreadStatic]
    private static int t_depth;

    public static void Enter(object? value)
    {
        var depth = t_depth;
        if (depth >= ArgumentCopier.MaxDepth)
        {
            throw new CopyDepthException(HasCycle() ? "it holds a reference cycle (cycle detected)"
                : $"its object graph is deeper than {ArgumentCopier.MaxDepth} levels, the most a copy nests");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new CopyDepthException(HasCycle() ? "it holds a reference cycle (cycle detected)"
                : $"its object graph is {depth} levels deep, more than the stack of this thread can copy");
        }

        var path = t_path ??= new object?[64];
        if (depth == path.Length)
        {
            Array.Resize(ref path, depth * 2);
            t_path = path;
        }

        path[depth] = value;
        t_depth = depth + 1;
    }

    public static void Exit()
    {
        var depth = --t_depth;
        t_path![depth] = null;
    }

    /// <summary>Clears what a failed copy left (its path stays filled when the exception unwound past a formatter).</summary>
    public static void Reset()
    {
        if (t_path is { } path)
        {
            Array.Clear(path);
        }

        t_depth = 0;
    }

    private static bool HasCycle()
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var item in t_path.AsSpan(0, t_depth))
        {
            if (item is not null && !seen.Add(item))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Thrown inside a copy that nests too deep; <see cref="ArgumentCopier"/> turns it into an ArgumentException.</summary>
internal sealed class CopyDepthException(string reason) : Exception(reason);

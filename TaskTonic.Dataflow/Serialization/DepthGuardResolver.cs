using System.Collections.Concurrent;
using System.Reflection;
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

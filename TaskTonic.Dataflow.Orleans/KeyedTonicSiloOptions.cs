using MessagePack;
using MessagePack.Resolvers;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// What a silo needs to run the keyed tonics of one partition: the message handlers (one per message type, applied as
/// a sparkle of the key's tonic: the same code an in-process <see cref="Partitioning.Partition{TKey, T}"/> runs), the persist hook
/// and the checkpoint rate. Passed to <see cref="KeyedTonicSiloBuilderExtensions.AddKeyedTonics"/>.
/// </summary>
/// <typeparam name="T">The keyed tonic type.</typeparam>
public sealed class KeyedTonicSiloOptions<T>
    where T : Tonic
{
    internal static readonly MessagePackSerializerOptions Serializer = ContractlessStandardResolver.Options;

    /// <summary>Per handler number (<see cref="HandlerId"/>): the handler id and what decodes a payload and applies it to the tonic (run as a sparkle of the tonic).</summary>
    internal Dictionary<long, (string Id, Action<T, ReadOnlyMemory<byte>> Apply)> Handlers { get; } = [];

    internal Func<T, byte[]>? Save { get; private set; }

    internal Action<T, ReadOnlyMemory<byte>>? Restore { get; private set; }

    /// <summary>Write the grain state (snapshot and sequence table) after every this many applied commands; 1 (default): after each, so nothing acknowledged is lost with a silo.</summary>
    public int CheckpointEvery { get; set; } = 1;

    /// <summary>
    /// Handles messages of type <typeparamref name="TMessage"/>: a sparkle of the key's tonic decodes the message from
    /// MessagePack (contractless resolver) and runs <paramref name="handler"/> with it. The handler may call the
    /// tonic's commands (recorded, replayable sparkles): the grain's acknowledgement waits until they ran too.
    /// </summary>
    /// <param name="handler">Applies one message to the tonic.</param>
    /// <param name="messageType">The handler id the client sends; null for <c>typeof(TMessage).FullName</c> (what <see cref="OrleansPartition{TKey}"/> uses).</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException">A handler with this id was already added, or the wire number of this id (a 64-bit hash) equals another id's: give one of them another id.</exception>
    public KeyedTonicSiloOptions<T> Handle<TMessage>(Action<T, TMessage> handler, string? messageType = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = messageType ?? HandlerId.NameOf<TMessage>();
        var number = HandlerId.Of(id);
        if (Handlers.TryGetValue(number, out var existing))
        {
            throw new ArgumentException(existing.Id == id
                ? $"A handler for '{id}' was already added."
                : $"The handler ids '{existing.Id}' and '{id}' have the same wire number; give one of them another id.", nameof(messageType));
        }

        Handlers.Add(number, (id, (tonic, payload) => handler(tonic, Decode<TMessage>(payload, id))));
        return this;
    }

    /// <summary>For messages: the handler id of a wire number, or a description of the unknown number.</summary>
    internal string NameOf(long handler) => Handlers.TryGetValue(handler, out var known) ? known.Id : $"#{handler:X16} (no registered handler id has this number)";

    /// <summary>
    /// Persists the tonic's state in Orleans grain storage: <paramref name="save"/> runs as a sparkle of the tonic at each
    /// checkpoint and when the grain deactivates; <paramref name="restore"/> runs as its first sparkle when the key is
    /// activated again (on any silo) from a stored state. The state is MessagePack-serialized (contractless resolver).
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public KeyedTonicSiloOptions<T> Persist<TState>(Func<T, TState> save, Action<T, TState> restore)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(restore);
        Save = tonic => MessagePackSerializer.Serialize(save(tonic), Serializer);
        Restore = (tonic, bytes) => restore(tonic, MessagePackSerializer.Deserialize<TState>(bytes, Serializer));
        return this;
    }

    private static TMessage Decode<TMessage>(ReadOnlyMemory<byte> payload, string id)
    {
        try
        {
            return MessagePackSerializer.Deserialize<TMessage>(payload, Serializer);
        }
        catch (MessagePackSerializationException ex)
        {
            throw new KeyedTonicException($"A '{id}' message could not be decoded: {ex.Message}");
        }
    }

    internal void Validate()
    {
        if (CheckpointEvery < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be at least 1.");
        }

        if (Handlers.Count == 0)
        {
            throw new InvalidOperationException($"No message handler was added for the keyed tonic {typeof(T).Name}: call Handle<TMessage>.");
        }
    }
}

namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// One unit of keyed work on the wire: a message serialized with MessagePack, the id of the handler that decodes and
/// applies it on the silo, and the sender's per-key sequence number used to drop duplicates.
/// </summary>
/// <param name="MessageType">The handler id registered on the silo (by default the message type's full name).</param>
/// <param name="Payload">The message, MessagePack-serialized.</param>
/// <param name="Sender">Identifies the sending <see cref="OrleansPartition{TKey}"/>; sequence numbers are per sender and key.</param>
/// <param name="Sequence">1, 2, 3… per sender and key; 0 for none (never deduplicated).</param>
/// <param name="Deduplicate">True: the grain drops the command when it already applied this sender's <paramref name="Sequence"/>.</param>
[GenerateSerializer, Immutable]
public sealed record TonicCommand(
    [property: Id(0)] string MessageType,
    [property: Id(1)] byte[] Payload,
    [property: Id(2)] Guid Sender,
    [property: Id(3)] long Sequence,
    [property: Id(4)] bool Deduplicate);

namespace TaskTonic.Dataflow.Orleans;

/// <summary>What an <see cref="OrleansPartition{TKey}"/> does when a send fails (the grain call threw or timed out).</summary>
public enum DeliveryGuarantee
{
    /// <summary>One attempt: a failed send is counted (<see cref="OrleansPartition{TKey}.Failed"/>), reported to the caller and not retried, so a message is applied at most once.</summary>
    AtMostOnce,

    /// <summary>
    /// Retries a failed send in place (later sends to the same key wait), so a message is applied at least once; a
    /// message whose acknowledgement was lost after it ran is applied again.
    /// </summary>
    AtLeastOnce,

    /// <summary>
    /// Retries like <see cref="AtLeastOnce"/>, and the grain drops a message whose per-key sequence number it already
    /// applied: exactly-once effect as long as the grain's sequence table survives (it is saved with each checkpoint).
    /// </summary>
    AtLeastOnceDeduplicated,
}

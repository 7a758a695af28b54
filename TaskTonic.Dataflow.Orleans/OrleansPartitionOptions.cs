namespace TaskTonic.Dataflow.Orleans;

/// <summary>Options of an <see cref="OrleansPartition{TKey}"/>.</summary>
public sealed class OrleansPartitionOptions
{
    /// <summary>What a failed send does; default <see cref="DeliveryGuarantee.AtLeastOnceDeduplicated"/>.</summary>
    public DeliveryGuarantee Guarantee { get; init; } = DeliveryGuarantee.AtLeastOnceDeduplicated;

    /// <summary>Attempts per message under the at-least-once guarantees (the first included); default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before retry n is n times this; default 50 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The clock retries wait on; null for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "RetryDelay must not be negative.");
        }
    }
}

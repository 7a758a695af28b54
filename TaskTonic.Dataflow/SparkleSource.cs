namespace TaskTonic.Dataflow;

/// <summary>
/// Who queued a work order: the tonic and sparkle that were running on the posting thread, or
/// <see cref="None"/> for code outside any sparkle.
/// </summary>
/// <param name="Tonic">The sending tonic, or null.</param>
/// <param name="SparkleName">The sending sparkle's TaskTonic name (or <c>__formula__</c>, <c>__spawn__</c>), or empty.</param>
/// <param name="TonicId">The sending tonic's id, or -1.</param>
public readonly record struct SparkleSource(Tonic? Tonic, string SparkleName, int TonicId)
{
    /// <summary>The source of work queued from outside any sparkle.</summary>
    public static SparkleSource None { get; } = new(null, string.Empty, -1);

    /// <inheritdoc />
    public override string ToString() => Tonic is null ? SparkleName : $"{Tonic.Name}.{SparkleName}";
}

namespace TaskTonic.Dataflow;

/// <summary>Optional settings for a new catalyst.</summary>
public sealed class CatalystOptions
{
    /// <summary>The catalyst's name; default <c>"NN.Catalyst"</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The parent (base) of the catalyst. Default: the tonic whose sparkle is running.</summary>
    public Tonic? Base { get; init; }

    /// <summary>
    /// Where work orders run: default the thread pool. Pass
    /// <see cref="TaskScheduler.FromCurrentSynchronizationContext"/> to run on a UI thread.
    /// </summary>
    public TaskScheduler? TaskScheduler { get; init; }
}

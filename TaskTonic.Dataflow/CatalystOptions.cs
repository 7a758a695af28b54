namespace TaskTonic.Dataflow;

/// <summary>Optional settings for a new catalyst.</summary>
public sealed class CatalystOptions
{
    /// <summary>The catalyst's name; default <c>"NN.Catalyst"</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The parent (base) of the catalyst. Default: the tonic whose sparkle is running.</summary>
    public Tonic? Parent { get; init; }

    /// <summary>Where work orders run; default <see cref="CatalystThreading.ThreadPool"/>.</summary>
    public CatalystThreading Threading { get; init; }

    /// <summary>The context for <see cref="CatalystThreading.SynchronizationContext"/>; default the creating thread's current context.</summary>
    public SynchronizationContext? SynchronizationContext { get; init; }

    /// <summary>A custom scheduler for the catalyst's block; overrides <see cref="Threading"/> when set.</summary>
    public TaskScheduler? TaskScheduler { get; init; }

    /// <summary>How much the catalyst logs (its tonics inherit it unless they choose). Default: its base's mode.</summary>
    public LogMode? LogMode { get; init; }

    /// <summary>
    /// Runtime packages only: builds the loop that runs the catalyst's work orders instead of an <c>ActionBlock</c>
    /// (ignored while a test kit took the ledger's loops over).
    /// </summary>
    internal Func<Catalyst, Internal.CatalystLoop>? Loop { get; init; }
}

namespace TaskTonic.Dataflow;

/// <summary>Optional settings for a new catalyst.</summary>
public sealed class CatalystOptions
{
    private readonly TimeSpan? _idleSpin;

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

    /// <summary>
    /// How long the catalyst's task may spin, after its queue ran dry, waiting for the next work order before it ends
    /// (a work order arriving in the window runs without a new Task and a thread-pool wake). The window adapts: it
    /// shrinks each time it ends without work, down to nothing, so an idle catalyst burns no CPU, and at most one
    /// catalyst per core but one spins at a time. Default: off (null or <see cref="TimeSpan.Zero"/>). Worth trying
    /// for a latency-bound exchange between catalysts on a machine with idle cores; on a loaded machine spinning
    /// costs more than the thread-pool wake it saves.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than one millisecond.</exception>
    public TimeSpan? IdleSpin
    {
        get => _idleSpin;
        init => _idleSpin = value is { } spin && (spin < TimeSpan.Zero || spin > TimeSpan.FromMilliseconds(1))
            ? throw new ArgumentOutOfRangeException(nameof(value), spin, "An idle spin lies between zero and one millisecond.")
            : value;
    }

    /// <summary>How much the catalyst logs (its tonics inherit it unless they choose). Default: its base's mode.</summary>
    public LogMode? LogMode { get; init; }
}

using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

/// <summary>
/// The context of the sparkle running on the current thread: the tonic, the sparkle name and the source of the
/// work order. Outside any sparkle, <see cref="IsActive"/> is false.
/// </summary>
public readonly struct SparkleContext
{
    private SparkleContext(Ledger? ledger, Tonic? tonic, string sparkleName, SparkleSource source)
    {
        Ledger = ledger;
        Tonic = tonic;
        SparkleName = sparkleName;
        Source = source;
    }

    /// <summary>The context of the current thread. Cheap: reads thread-static fields, allocates nothing.</summary>
    public static SparkleContext Current
    {
        get
        {
            var frame = Ambient.Current;
            return frame.Ledger is null
                ? new SparkleContext(null, null, string.Empty, SparkleSource.None)
                : new SparkleContext(frame.Ledger, frame.Tonic, Tonic.NameOfSparkle(frame.Tonic, frame.Sparkle),
                    Tonic.SourceOf(frame.Source, frame.SourceSparkle));
        }
    }

    /// <summary>True while a sparkle, a formula step or a spawn scope runs on this thread.</summary>
    public bool IsActive => Ledger is not null;

    /// <summary>The ledger of the running sparkle.</summary>
    public Ledger? Ledger { get; }

    /// <summary>The tonic whose sparkle is running (the main catalyst during formula steps).</summary>
    public Tonic? Tonic { get; }

    /// <summary>The running sparkle's TaskTonic name, e.g. <c>ttsc__open</c>.</summary>
    public string SparkleName { get; }

    /// <summary>Who queued the running work order.</summary>
    public SparkleSource Source { get; }
}

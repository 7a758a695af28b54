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
            var ledger = Ambient.Ledger;
            if (ledger is null)
            {
                return new SparkleContext(null, null, string.Empty, SparkleSource.None);
            }

            var tonic = Ambient.Tonic;
            return new SparkleContext(ledger, tonic, Tonic.NameOfSparkle(tonic, Ambient.Sparkle), Tonic.SourceOf(Ambient.Source, Ambient.SourceSparkle));
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

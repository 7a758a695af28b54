using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Logging;

namespace TaskTonic.Dataflow;

/// <summary>Settings of a <see cref="Formula"/> and its <see cref="Ledger"/>.</summary>
public sealed class FormulaSettings
{
    /// <summary>The application's name, used in logs.</summary>
    public string ProjectName { get; init; } = "tasktonic app";

    /// <summary>The clock for timers and time-outs. Default <see cref="TimeProvider.System"/>; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where tonics and the runtime log (<see cref="Tonic.Log(string, Microsoft.Extensions.Logging.LogLevel)"/>, lifecycle,
    /// failures). Default <see cref="TonicConsoleLoggerFactory.Console"/>: one line per entry on the console, so a new
    /// program shows what it does. Pass <c>NullLoggerFactory.Instance</c> for silence, or an application's factory.
    /// </summary>
    public ILoggerFactory LoggerFactory { get; init; } = TonicConsoleLoggerFactory.Console;

    /// <summary>
    /// In <see cref="LogMode.Full"/>, a sparkle that runs longer than this is logged as a warning instead of a trace
    /// entry. Default 100 ms.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan SlowSparkleThreshold
    {
        get => _slowSparkleThreshold;
        init => _slowSparkleThreshold = value >= TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(SlowSparkleThreshold), value, "The threshold must not be negative.");
    }

    private readonly TimeSpan _slowSparkleThreshold = TimeSpan.FromMilliseconds(100);

    /// <summary>The log mode of tonics that neither choose one nor inherit one from their base.</summary>
    public LogMode DefaultLogMode { get; init; } = LogMode.Quiet;

    /// <summary>The name of the main catalyst.</summary>
    public string MainCatalystName { get; init; } = "tt_main_catalyst";

    /// <summary>
    /// The supervision policy of every tonic whose supervisor (base) declares none for it. Default
    /// <see cref="Supervision.SupervisionPolicy.Resume"/>: a failed work order is skipped and reported.
    /// </summary>
    public Supervision.SupervisionPolicy Supervision { get; init; } = Dataflow.Supervision.SupervisionPolicy.Resume;

    /// <summary>
    /// What happens to a failure escalated past a root tonic. Default <see cref="Supervision.RootEscalation.FailFormula"/>:
    /// the application shuts down and <see cref="Formula.RunAsync"/> ends with the exception.
    /// </summary>
    public Supervision.RootEscalation RootEscalation { get; init; } = Dataflow.Supervision.RootEscalation.FailFormula;

    /// <summary>Free-form application values (TaskTonic's formula store), readable through <see cref="Ledger.Settings"/>.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; init; } = new Dictionary<string, object?>();
}

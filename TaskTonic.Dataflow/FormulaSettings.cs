using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TaskTonic.Dataflow;

/// <summary>Settings of a <see cref="Formula"/> and its <see cref="Ledger"/>.</summary>
public sealed class FormulaSettings
{
    /// <summary>The application's name, used in logs.</summary>
    public string ProjectName { get; init; } = "tasktonic app";

    /// <summary>The clock for timers and time-outs. Default <see cref="TimeProvider.System"/>; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where <see cref="Tonic.Log(string, Microsoft.Extensions.Logging.LogLevel)"/> writes. Default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

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

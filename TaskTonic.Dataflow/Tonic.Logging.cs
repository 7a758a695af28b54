using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Logging;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    private LogMode _logMode;

    /// <summary>
    /// How much this tonic logs: the mode given in its options, else its base's mode (stealth included), else the
    /// formula's <see cref="FormulaSettings.DefaultLogMode"/>.
    /// </summary>
    public LogMode LogMode => _logMode;

    /// <summary>
    /// Writes a log line for this tonic through the formula's <see cref="FormulaSettings.LoggerFactory"/>, in a scope
    /// with the tonic's id and name, the running sparkle and the state. Written in <see cref="LogMode.Quiet"/> and
    /// <see cref="LogMode.Full"/>; ignored in <see cref="LogMode.Off"/> and <see cref="LogMode.Stealth"/>.
    /// </summary>
    /// <param name="message">The text.</param>
    /// <param name="level">The level; default <see cref="LogLevel.Information"/>.</param>
    protected void Log(string message, LogLevel level = LogLevel.Information)
    {
        if (_logMode < LogMode.Quiet)
        {
            return;
        }

        var logger = _ledger.GetLogger(GetType());
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var frame = Ambient.Current;
        var sparkle = ReferenceEquals(frame.Tonic, this) ? _descriptor.HandlerName(frame.Sparkle, _state) : string.Empty;
        var state = StateName ?? NoStateName;
        using (logger.BeginScope(new TonicLogScope(Id, Name, sparkle, state)))
        {
            TonicLog.Line(logger, level, Name, state, sparkle, message);
        }
    }

    private static LogMode ResolveLogMode(LogMode? explicitMode, Tonic? @base, Ledger ledger) =>
        explicitMode ?? @base?._logMode ?? ledger.Settings.DefaultLogMode;

    private void LogLifecycle(string phase)
    {
        if (_logMode >= LogMode.Off)
        {
            var logger = _ledger.GetLogger(GetType());
            if (logger.IsEnabled(LogLevel.Information))
            {
                TonicLog.Lifecycle(logger, Name, phase);
            }
        }
    }

    // Every call below is already guarded by logger.IsEnabled.
#pragma warning disable CA1873
    private void LogStateChange(int oldState, int newState)
    {
        if (_logMode >= LogMode.Off)
        {
            var logger = _ledger.GetLogger(GetType());
            if (logger.IsEnabled(LogLevel.Information))
            {
                TonicLog.StateChanged(logger, Name, _descriptor.StateName(oldState) ?? NoStateName, _descriptor.StateName(newState) ?? NoStateName);
            }
        }
    }

    /// <summary>Full mode: one trace entry per executed sparkle, with its source and duration; a warning when it ran too long.</summary>
    private void LogSparkle(int sparkle, in WorkOrder order, long startedTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp);
        var threshold = _ledger.Settings.SlowSparkleThreshold;
        var slow = elapsed > threshold;
        var logger = _ledger.GetLogger(GetType());
        if (logger.IsEnabled(slow ? LogLevel.Warning : LogLevel.Trace))
        {
            var source = SourceOf(order.Source, order.SourceSparkle).ToString() is { Length: > 0 } known ? known : "outside";
            var name = _descriptor.HandlerName(sparkle, _state);
            if (slow)
            {
                TonicLog.SlowSparkle(logger, Name, StateName ?? NoStateName, name, source, elapsed.TotalMilliseconds, threshold.TotalMilliseconds);
            }
            else
            {
                TonicLog.Sparkle(logger, Name, StateName ?? NoStateName, name, source, elapsed.TotalMilliseconds);
            }
        }
    }
#pragma warning restore CA1873
}

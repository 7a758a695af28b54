using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    /// <summary>
    /// Writes a log line for this tonic through the formula's <see cref="FormulaSettings.LoggerFactory"/>, with
    /// the tonic, its state and the running sparkle in the message.
    /// </summary>
    /// <param name="message">The text.</param>
    /// <param name="level">The level; default <see cref="LogLevel.Information"/>.</param>
    protected void Log(string message, LogLevel level = LogLevel.Information)
    {
        var logger = _ledger.GetLogger(GetType());
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var sparkle = ReferenceEquals(Ambient.Tonic, this) ? _descriptor.SparkleName(Ambient.Sparkle) : string.Empty;
        TonicLog.Line(logger, level, Name, StateName ?? NoStateName, sparkle, message);
    }
}

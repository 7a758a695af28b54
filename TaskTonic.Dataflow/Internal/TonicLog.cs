using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Internal;

/// <summary>The log entries a tonic writes.</summary>
internal static partial class TonicLog
{
    [LoggerMessage(EventId = 100, Message = "{Tonic}[{State}].{Sparkle}: {Text}")]
    public static partial void Line(ILogger logger, LogLevel level, string tonic, string state, string sparkle, string text);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Tonic} {Phase}")]
    public static partial void Lifecycle(ILogger logger, string tonic, string phase);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{Tonic} state {OldState} -> {NewState}")]
    public static partial void StateChanged(ILogger logger, string tonic, string oldState, string newState);

    [LoggerMessage(EventId = 103, Level = LogLevel.Trace, Message = "{Tonic}[{State}].{Sparkle} from {Source} took {Milliseconds:F3} ms")]
    public static partial void Sparkle(ILogger logger, string tonic, string state, string sparkle, string source, double milliseconds);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{Tonic}[{State}].{Sparkle} from {Source} took {Milliseconds:F3} ms, over the {ThresholdMilliseconds} ms threshold")]
    public static partial void SlowSparkle(ILogger logger, string tonic, string state, string sparkle, string source, double milliseconds, double thresholdMilliseconds);
}

using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Internal;

/// <summary>The log line format of <see cref="Tonic.Log(string, LogLevel)"/>.</summary>
internal static partial class TonicLog
{
    [LoggerMessage(EventId = 100, Message = "{Tonic}[{State}].{Sparkle}: {Text}")]
    public static partial void Line(ILogger logger, LogLevel level, string tonic, string state, string sparkle, string text);
}

using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Internal;

/// <summary>The runtime's own log messages.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "{Failure}")]
    public static partial void SparkleFailed(ILogger logger, Exception exception, string failure);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "A ledger event handler threw while reporting {Subject}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string subject);
}

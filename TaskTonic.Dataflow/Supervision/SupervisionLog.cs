using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Supervision;

/// <summary>The log messages of supervision and services.</summary>
internal static partial class SupervisionLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Critical, Message = "A failure escalated past the root {Root}; root escalation: {Rule}")]
    public static partial void RootFailed(ILogger logger, Exception exception, string root, RootEscalation rule);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "{Tonic} should restart, but it was not created with a factory (create it with Infuse): it is stopped instead")]
    public static partial void NoFactory(ILogger logger, Exception exception, string tonic);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Restarting {Tonic} failed: the factory threw")]
    public static partial void RestartFailed(ILogger logger, Exception exception, string tonic);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "The restart limit of {Tonic} was reached: {Directive}")]
    public static partial void LimitReached(ILogger logger, Exception exception, string tonic, SupervisionDirective directive);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Service '{Service}' ignores the name '{Given}' its constructor passed; a service is named after its service name")]
    public static partial void ServiceNameIgnored(ILogger logger, string service, string given);

    [LoggerMessage(EventId = 25, Level = LogLevel.Warning, Message = "{Client}.{Hook} does not take the arguments the runtime passes; the notification was skipped")]
    public static partial void HookSignature(ILogger logger, string client, string hook);
}

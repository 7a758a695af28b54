using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow;

namespace TaskTonicService;

/// <summary>
/// Runs the formula for the lifetime of the host: host shutdown (Ctrl+C, SIGTERM) shuts the formula down gracefully,
/// and when the formula ends by itself the host is stopped.
/// </summary>
public sealed class FormulaService(ILoggerFactory loggerFactory, IConfiguration configuration, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(configuration.GetValue("Heartbeat:PeriodSeconds", 1.0));
        var maxBeats = configuration.GetValue("Heartbeat:MaxBeats", 0);
        var formula = new Formula(new FormulaSettings { ProjectName = "TaskTonicService", LoggerFactory = loggerFactory })
            .AddStartingTonic(() => new Heartbeat(period, maxBeats));
        try
        {
            await formula.RunAsync(stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

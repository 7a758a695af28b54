using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TaskTonic.Dataflow.Hosting;

namespace TaskTonic.Dataflow.Samples.HostedPipeline;

/// <summary>
/// A Dataflow pipeline of tonics under the Generic Host: a feeder service sends numbers into a bounded stage on a
/// configured catalyst, which passes them to a sink. OpenTelemetry exports metrics and a sample of the spans to the
/// console. After 2,000 items the process sends itself SIGTERM: intake stops, the queues drain, the tonics finish, and the
/// drain summary is printed.
/// </summary>
internal static class HostedPipelineSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "HostedPipeline", "appsettings.json"), optional: false);
        builder.Services.AddSingleton<PipelineReport>();
        builder.Services.AddTaskTonic(formula => formula.AddStartingTonic<PipelineRoot>());
        builder.Services.AddHostedService<Feeder>();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddTaskTonicInstrumentation().AddConsoleExporter())
            .WithTracing(tracing => tracing.AddTaskTonicInstrumentation()
                .SetSampler(new TraceIdRatioBasedSampler(0.001)) // about two items' spans out of 2,000
                .AddConsoleExporter());

        using var host = builder.Build();
        var report = host.Services.GetRequiredService<PipelineReport>();
        var tonicHost = host.Services.GetRequiredService<TaskTonicHost>();
        await host.RunAsync(); // returns once the SIGTERM the feeder sends has stopped the host (and disposed it)

        var drain = tonicHost.LastDrain;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sent {report.Sent:N0} items, summed {report.Summed:N0} (total {report.Total:N0}); shutdown: {drain}."));
        if (report.Sent != report.Summed || drain is not { Finished: true, NotRun: 0 })
        {
            throw new InvalidOperationException("The hosted pipeline did not drain cleanly.");
        }
    }
}

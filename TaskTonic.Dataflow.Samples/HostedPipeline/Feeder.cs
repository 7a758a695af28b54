using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Hosting;
using TaskTonic.Dataflow.Hosting;

namespace TaskTonic.Dataflow.Samples.HostedPipeline;

/// <summary>
/// Feeds numbers into the pipeline until the host stops intake. After <see cref="SignalAfter"/> items it sends its own
/// process SIGTERM (as a container runtime would), so the sample shuts down by a real signal and finishes by itself.
/// </summary>
public sealed class Feeder(TaskTonicHost host, PipelineReport report, IHostApplicationLifetime lifetime) : BackgroundService
{
    public const int SignalAfter = 2_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, host.IntakeStopping);
        var stage = await report.Stage.Task.WaitAsync(stop.Token);
        try
        {
            for (var item = 1; ; item++)
            {
                if (!await stage.Input.SendAsync(item, stop.Token))
                {
                    return;
                }

                report.CountSent();
                if (item == SignalAfter)
                {
                    SignalSelf(lifetime);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // intake stopped: the host drains what was sent
        }
    }

    private static void SignalSelf(IHostApplicationLifetime lifetime)
    {
        if (OperatingSystem.IsWindows())
        {
            lifetime.StopApplication(); // no SIGTERM there; the same stop path
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        kill?.WaitForExit();
    }
}

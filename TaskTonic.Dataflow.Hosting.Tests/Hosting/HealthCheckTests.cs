using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace TaskTonic.Dataflow.Hosting.Tests.Hosting;

/// <summary>Issue 14 item 2: the health check reports queue lengths, failures and dead letters.</summary>
public sealed class HealthCheckTests
{
    private static IHost Build(Dictionary<string, string?>? settings = null) =>
        HostFixture.Build(settings: settings, services: s => s.AddHealthChecks().AddTaskTonic());

    private static Task<HealthReport> Check(IHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    [Fact]
    public async Task HC01_unhealthy_before_start_healthy_while_running_unhealthy_after_the_formula_finished()
    {
        using var host = Build();
        Assert.Equal(HealthStatus.Unhealthy, (await Check(host)).Status);

        await host.StartAsync();
        await host.Services.GetRequiredService<WorkLog>().Started.Task.WaitAsync(HostFixture.HangGuard);
        var running = (await Check(host)).Entries["tasktonic"];
        Assert.Equal(HealthStatus.Healthy, running.Status);
        Assert.Equal(0, running.Data["queued"]);
        Assert.Contains("queue.tt_main_catalyst", running.Data.Keys);

        await host.StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await Check(host)).Status);
    }

    [Fact]
    public async Task HC02_failures_and_dead_letters_are_reported_and_degrade_at_the_threshold()
    {
        using var host = Build(new() { ["TaskTonic:HealthDeadLetterThreshold"] = "2" });
        await host.StartAsync();
        var log = host.Services.GetRequiredService<WorkLog>();
        await log.Started.Task.WaitAsync(HostFixture.HangGuard);
        var worker = HostFixture.WorkerOf(host);

        worker.Fail("one");
        worker.Work(1); // runs after the failure: once it is done, the failure was counted
        await WaitForDone(log, 1);
        var first = (await Check(host)).Entries["tasktonic"];
        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(1L, first.Data["failures"]);
        Assert.Equal(1L, first.Data["deadLetters"]);

        worker.Fail("two");
        worker.Work(2);
        await WaitForDone(log, 2);
        var second = (await Check(host)).Entries["tasktonic"];
        Assert.Equal(HealthStatus.Degraded, second.Status);
        Assert.Equal(2L, second.Data["failures"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task HC03_a_long_queue_degrades()
    {
        using var host = Build(new() { ["TaskTonic:HealthQueueThreshold"] = "5" });
        await host.StartAsync();
        var log = host.Services.GetRequiredService<WorkLog>();
        await log.Started.Task.WaitAsync(HostFixture.HangGuard);
        var worker = HostFixture.WorkerOf(host);
        log.Gate.Reset();
        worker.Work(0);
        await log.Blocked.Task.WaitAsync(HostFixture.HangGuard);
        for (var i = 1; i <= 6; i++)
        {
            worker.Work(i);
        }

        var entry = (await Check(host)).Entries["tasktonic"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(6, entry.Data["queued"]);
        log.Gate.Set();
        await host.StopAsync();
    }

    private static async Task WaitForDone(WorkLog log, int count)
    {
        using var guard = new CancellationTokenSource(HostFixture.HangGuard);
        while (log.Done.Count < count)
        {
            await Task.Yield();
            guard.Token.ThrowIfCancellationRequested();
        }
    }
}

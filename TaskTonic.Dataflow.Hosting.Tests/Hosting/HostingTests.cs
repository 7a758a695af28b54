using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace TaskTonic.Dataflow.Hosting.Tests.Hosting;

/// <summary>Issue 14 item 2: the formula as a hosted service, DI, configuration and the graceful drain.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task H01_starting_tonics_are_built_with_dependencies_from_the_service_provider()
    {
        using var host = HostFixture.Build();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<WorkLog>();
        await log.Started.Task.WaitAsync(HostFixture.HangGuard);

        var worker = HostFixture.WorkerOf(host);
        Assert.Same(host.Services.GetRequiredService<Ledger>(), worker.InjectedLedger);
        Assert.Same(host.Services.GetRequiredService<Formula>().Ledger, worker.Ledger);
        worker.Work(7);
        await host.StopAsync();

        Assert.Equal([7], log.Done);
    }

    [Fact]
    public async Task H02_configuration_binds_formula_and_catalyst_options()
    {
        using var host = HostFixture.Build(settings: new()
        {
            ["TaskTonic:ProjectName"] = "orders",
            ["TaskTonic:MainCatalystName"] = "main-x",
            ["TaskTonic:DefaultLogMode"] = "Full",
            ["TaskTonic:ShutdownTimeout"] = "00:00:07",
            ["TaskTonic:Catalysts:io:Threading"] = "DedicatedThread",
            ["TaskTonic:Catalysts:io:LogMode"] = "Off",
        });
        await host.StartAsync();
        await host.Services.GetRequiredService<WorkLog>().Started.Task.WaitAsync(HostFixture.HangGuard);

        var ledger = host.Services.GetRequiredService<Ledger>();
        var options = host.Services.GetRequiredService<IOptions<TaskTonicOptions>>().Value;
        Assert.Equal("orders", ledger.Settings.ProjectName);
        Assert.Equal(LogMode.Full, ledger.Settings.DefaultLogMode);
        Assert.Equal("main-x", ledger.MainCatalyst!.Name);
        Assert.Equal(TimeSpan.FromSeconds(7), options.ShutdownTimeout);
        var io = options.CatalystOptionsFor("io");
        Assert.Equal(("io", CatalystThreading.DedicatedThread, (LogMode?)LogMode.Off), (io.Name, io.Threading, io.LogMode));
        Assert.Equal(CatalystThreading.ThreadPool, options.CatalystOptionsFor("other").Threading);
        Assert.Throws<ArgumentException>("name", () => options.CatalystOptionsFor(""));
        await host.StopAsync();
    }

    [Fact]
    public async Task H03_stop_drains_queued_work_before_the_tonics_finish()
    {
        using var host = HostFixture.Build();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<WorkLog>();
        await log.Started.Task.WaitAsync(HostFixture.HangGuard);
        var tonicHost = host.Services.GetRequiredService<TaskTonicHost>();

        log.Gate.Reset();
        var worker = HostFixture.WorkerOf(host);
        worker.Work(0); // holds the catalyst until released, so the rest is still queued when the stop begins
        await log.Blocked.Task.WaitAsync(HostFixture.HangGuard);
        for (var i = 1; i <= 500; i++)
        {
            worker.Work(i);
        }

        Assert.False(tonicHost.IntakeStopping.IsCancellationRequested);
        var stop = host.StopAsync();
        Assert.True(tonicHost.IntakeStopping.IsCancellationRequested);
        log.Gate.Set();
        await stop.WaitAsync(HostFixture.HangGuard);

        Assert.Equal(Enumerable.Range(0, 501), log.Done);
        var summary = tonicHost.LastDrain!;
        Assert.True(summary.Drained);
        Assert.True(summary.Finished);
        Assert.Equal(0, summary.NotRun);
        Assert.True(tonicHost.Completion!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task H04_a_drain_that_times_out_finishes_anyway_and_counts_what_was_not_run()
    {
        var clock = new FakeTimeProvider();
        using var host = HostFixture.Build(
            settings: new() { ["TaskTonic:ShutdownTimeout"] = "00:00:01", ["TaskTonic:FinishTimeout"] = "00:00:01" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        await host.StartAsync();
        var log = host.Services.GetRequiredService<WorkLog>();
        await log.Started.Task.WaitAsync(HostFixture.HangGuard);
        var tonicHost = host.Services.GetRequiredService<TaskTonicHost>();
        log.Gate.Reset();
        var worker = HostFixture.WorkerOf(host);
        worker.Work(0);
        await log.Blocked.Task.WaitAsync(HostFixture.HangGuard);
        for (var i = 1; i <= 10; i++)
        {
            worker.Work(i);
        }

        var stop = host.StopAsync();
        for (var spins = 0; !stop.IsCompleted && spins < 1_000_000; spins++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50)); // the drain and finish waits run on the host's clock
            await Task.Yield();
        }

        await stop.WaitAsync(HostFixture.HangGuard);
        var summary = tonicHost.LastDrain!;
        Assert.False(summary.Drained);
        Assert.False(summary.Finished);
        Assert.True(summary.StillQueued >= 10, summary.ToString());

        Assert.Equal(summary.Dropped + summary.StillQueued, summary.NotRun);
        Assert.Empty(log.Done); // the host gave up while item 0 still blocked its catalyst

        log.Gate.Set(); // the blocked sparkle returns, and the formula finishes after the host stopped waiting
        await tonicHost.Completion!.WaitAsync(HostFixture.HangGuard);
    }

    [Fact]
    public async Task H05_a_formula_that_ends_by_itself_stops_the_host()
    {
        using var host = HostFixture.Build(f => f.AddStartingTonic(_ => new Quitter()));
        await host.StartAsync();
        await host.WaitForShutdownAsync().WaitAsync(HostFixture.HangGuard);

        var tonicHost = host.Services.GetRequiredService<TaskTonicHost>();
        Assert.True(tonicHost.Completion!.IsCompletedSuccessfully);
        Assert.Equal(0, tonicHost.LastDrain!.NotRun);
    }

    [Fact]
    public void H06_bad_arguments_and_a_second_registration_are_refused()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentNullException>("configure", () => services.AddTaskTonic(null!));
        Assert.Throws<ArgumentException>("sectionName", () => services.AddTaskTonic(_ => { }, ""));
        services.AddTaskTonic(f => f.AddStartingTonic<Worker>());
        Assert.Throws<InvalidOperationException>(() => services.AddTaskTonic(_ => { }));
        using var host = HostFixture.Build(settings: new() { ["TaskTonic:DrainPollInterval"] = "00:00:00" });
        Assert.Throws<ArgumentOutOfRangeException>("DrainPollInterval", () => host.Services.GetRequiredService<TaskTonicHost>());
    }
}

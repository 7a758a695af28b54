using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaskTonic.Dataflow.Hosting.Tests.Hosting;

/// <summary>Builds a Generic Host with a worker formula, configuration values and optional extra services.</summary>
internal static class HostFixture
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static IHost Build(Action<TaskTonicBuilder>? formula = null, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton<WorkLog>();
        builder.Services.AddTaskTonic(formula ?? (f => f.AddStartingTonic<Worker>()));
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public static Worker WorkerOf(IHost host) => (Worker)host.Services.GetRequiredService<Ledger>().Find("worker")!;
}

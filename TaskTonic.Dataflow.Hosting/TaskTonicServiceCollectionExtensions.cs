using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>Registers a TaskTonic formula with the Generic Host.</summary>
public static class TaskTonicServiceCollectionExtensions
{
    /// <summary>
    /// Runs a formula as a hosted service: <see cref="TaskTonicOptions"/> bind from the configuration section
    /// <paramref name="sectionName"/>, the starting tonics declared by <paramref name="configure"/> are built with
    /// dependencies from the service provider when the host starts, and the host's stop drains the queues before the
    /// tonics finish. Registers <see cref="TaskTonicHost"/>, <see cref="Formula"/> and <see cref="Ledger"/> as singletons.
    /// </summary>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">A formula was already registered in this collection.</exception>
    public static IServiceCollection AddTaskTonic(this IServiceCollection services, Action<TaskTonicBuilder> configure,
        string sectionName = TaskTonicOptions.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);
        if (services.Any(d => d.ServiceType == typeof(TaskTonicHost)))
        {
            throw new InvalidOperationException("AddTaskTonic was already called: one host runs one formula.");
        }

        var builder = new TaskTonicBuilder(services);
        configure(builder);
        services.AddOptions<TaskTonicOptions>().BindConfiguration(sectionName);
        services.AddSingleton(builder);
        services.AddSingleton<TaskTonicHost>();
        services.AddSingleton<IHostedService>(static provider => provider.GetRequiredService<TaskTonicHost>());
        services.AddSingleton(static provider => provider.GetRequiredService<TaskTonicHost>().Formula);
        services.AddSingleton(static provider => provider.GetRequiredService<TaskTonicHost>().Formula.Ledger);
        return services;
    }
}

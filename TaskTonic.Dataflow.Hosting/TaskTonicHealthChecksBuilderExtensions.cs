using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>Registers <see cref="TaskTonicHealthCheck"/>.</summary>
public static class TaskTonicHealthChecksBuilderExtensions
{
    /// <summary>Adds the TaskTonic health check (queue lengths, failures, dead letters) under <paramref name="name"/>.</summary>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHealthChecksBuilder AddTaskTonic(this IHealthChecksBuilder builder, string name = "tasktonic",
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.AddCheck<TaskTonicHealthCheck>(name, failureStatus, tags ?? []);
    }
}

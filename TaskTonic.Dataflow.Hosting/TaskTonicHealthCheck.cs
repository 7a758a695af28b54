using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>
/// Reports the formula's health: Unhealthy before it runs, after it ended or when it failed; Degraded when the catalysts'
/// queues together exceed <see cref="TaskTonicOptions.HealthQueueThreshold"/> or the dead letters reach
/// <see cref="TaskTonicOptions.HealthDeadLetterThreshold"/>; Healthy otherwise. The data holds every catalyst's queue
/// length, the failure, drop and dead-letter counts and the number of live tonics.
/// </summary>
public sealed class TaskTonicHealthCheck : IHealthCheck
{
    private readonly TaskTonicHost _host;
    private readonly TaskTonicOptions _options;

    /// <summary>Created by the service provider; see <see cref="TaskTonicHealthChecksBuilderExtensions.AddTaskTonic"/>.</summary>
    public TaskTonicHealthCheck(TaskTonicHost host, IOptions<TaskTonicOptions> options)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        _host = host;
        _options = options.Value;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var run = _host.Completion;
        if (run is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The TaskTonic formula has not started."));
        }

        var ledger = _host.Formula.Ledger;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var queued = 0;
        foreach (var catalyst in ledger.Snapshot().OfType<Catalyst>())
        {
            var length = catalyst.QueuedWorkOrders;
            queued += length;
            data["queue." + catalyst.Name] = length;
        }

        data["queued"] = queued;
        data["failures"] = ledger.FailureCount;
        data["dropped"] = ledger.DroppedCount;
        data["deadLetters"] = ledger.DeadLetters.Count;
        data["tonics"] = ledger.Count;

        HealthCheckResult result;
        if (run.IsFaulted)
        {
            result = HealthCheckResult.Unhealthy("The TaskTonic formula failed.", run.Exception?.InnerException, data);
        }
        else if (run.IsCompleted)
        {
            result = HealthCheckResult.Unhealthy("The TaskTonic formula has finished.", data: data);
        }
        else if (queued > _options.HealthQueueThreshold)
        {
            result = HealthCheckResult.Degraded($"{queued} work orders are queued (threshold {_options.HealthQueueThreshold}).", data: data);
        }
        else if (_options.HealthDeadLetterThreshold is { } limit && ledger.DeadLetters.Count >= limit)
        {
            result = HealthCheckResult.Degraded($"{ledger.DeadLetters.Count} dead letters (threshold {limit}).", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy("The TaskTonic formula runs.", data);
        }

        return Task.FromResult(result);
    }
}

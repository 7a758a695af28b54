using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TaskTonic.Dataflow.Telemetry;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>Registers the runtime's activity source and meter (both named <see cref="TonicTelemetry.Name"/>) with OpenTelemetry.</summary>
public static class TaskTonicInstrumentationExtensions
{
    /// <summary>Subscribes the tracer provider to the runtime's spans: one per executed work order, parented by its sender's.</summary>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static TracerProviderBuilder AddTaskTonicInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(TonicTelemetry.Name);
    }

    /// <summary>Subscribes the meter provider to the runtime's instruments (see <see cref="TonicTelemetry.Instruments"/>).</summary>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static MeterProviderBuilder AddTaskTonicInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(TonicTelemetry.Name);
    }
}

using System.Diagnostics;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Telemetry;

namespace TaskTonic.Dataflow;

public partial class Catalyst
{
    /// <summary>
    /// <see cref="Execute"/> while telemetry listens: unwraps a carried trace context, runs the work order inside a span
    /// (when the source samples it) whose parent is the posting sparkle's span, and records its duration.
    /// </summary>
    private void ExecuteObserved(WorkOrder order)
    {
        order = TracedArguments.Unwrap(order, out var parent);
        var target = order.Target;
        var tracing = TonicTelemetry.Source.HasListeners();
        Activity? ambient = null;
        Activity? activity = null;
        long failures = 0;
        if (tracing)
        {
            // The span's parent is the posting sparkle's, never whatever the block's thread happens to carry.
            ambient = Activity.Current;
            Activity.Current = null;
            activity = TonicTelemetry.Source.StartActivity(ActivityKind.Internal, parent, name: NameOfSparkle(target, order.Sparkle));
            if (activity is { IsAllDataRequested: true })
            {
                activity.DisplayName = $"{target.GetType().Name}.{activity.OperationName}";
                activity.SetTag(TonicTelemetry.TonicTag, target.Name);
                activity.SetTag(TonicTelemetry.SparkleTag, activity.OperationName);
                activity.SetTag(TonicTelemetry.CatalystTag, Name);
            }

            failures = Ledger.FailureCount;
        }

        var timed = TonicTelemetry.SparkleDuration.Enabled;
        var started = timed ? Stopwatch.GetTimestamp() : 0;
        try
        {
            ExecuteCore(order);
        }
        finally
        {
            if (timed)
            {
                TonicTelemetry.SparkleDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>(TonicTelemetry.CatalystTag, Name),
                    new KeyValuePair<string, object?>(TonicTelemetry.TonicTypeTag, target.GetType().Name));
            }

            if (tracing)
            {
                if (activity is not null)
                {
                    if (Ledger.FailureCount != failures)
                    {
                        activity.SetStatus(ActivityStatusCode.Error, "The sparkle threw; see the ledger's failures and dead letters.");
                    }

                    activity.Stop();
                }

                Activity.Current = ambient;
            }
        }
    }
}

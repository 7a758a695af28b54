using System.Diagnostics;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Telemetry;

/// <summary>
/// A work order's arguments with the span context of the sparkle that posted it. Exists only while tracing is on; the
/// catalyst unwraps it before the sparkle runs, and drop reports unwrap it, so user code never sees it. Each one is
/// counted while on its way, so the catalysts take the observed path until the last one was unwrapped.
/// </summary>
internal sealed class TracedArguments(ActivityContext parent, object? args)
{
    public ActivityContext Parent { get; } = parent;

    public object? Args { get; } = args;

    /// <summary>The order with its original arguments (the same order when it carries no trace context).</summary>
    public static WorkOrder Unwrap(in WorkOrder order, out ActivityContext parent)
    {
        if (order.Args is TracedArguments traced)
        {
            parent = traced.Parent;
            TonicTelemetry.Released();
            return new WorkOrder(order.Target, order.Sparkle, traced.Args, order.Source, order.SourceSparkle);
        }

        parent = default;
        return order;
    }
}

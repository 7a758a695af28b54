using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TaskTonic.Dataflow.Telemetry;

/// <summary>
/// The runtime's OpenTelemetry-compatible instrumentation, under the stable name <see cref="Name"/>: an
/// <see cref="ActivitySource"/> with a span per executed work order (opt-in: only while a listener samples the source;
/// a span's parent is the span of the sparkle that posted the work order, so a trace follows a message across tonics
/// and catalysts) and a <see cref="Meter"/> (see <see cref="Instruments"/>). Nothing is measured, and nothing allocated,
/// while no listener is attached.
/// </summary>
public static class TonicTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "TaskTonic.Dataflow";

    /// <summary>Tag: the name of the tonic that ran the sparkle.</summary>
    public const string TonicTag = "tasktonic.tonic";

    /// <summary>Tag: the tonic's class name.</summary>
    public const string TonicTypeTag = "tasktonic.tonic.type";

    /// <summary>Tag: the TaskTonic name of the sparkle.</summary>
    public const string SparkleTag = "tasktonic.sparkle";

    /// <summary>Tag: the catalyst's name.</summary>
    public const string CatalystTag = "tasktonic.catalyst";

    /// <summary>Tag: the formula's project name (<see cref="FormulaOptions.ProjectName"/>).</summary>
    public const string FormulaTag = "tasktonic.formula";

    /// <summary>Tag: why a work order is a dead letter, the name of its <see cref="DeadLetters.DeadLetterReason"/> (<c>MailboxFull</c>).</summary>
    public const string ReasonTag = "tasktonic.dead_letter.reason";

    /// <summary>The names of the meter's instruments.</summary>
    public static class Instruments
    {
        /// <summary>Observable counter: work orders executed by each catalyst (read from a per-catalyst count, free on the hot path).</summary>
        public const string WorkOrders = "tasktonic.work_orders";

        /// <summary>Histogram (seconds): how long each work order ran, per catalyst and tonic class.</summary>
        public const string SparkleDuration = "tasktonic.sparkle.duration";

        /// <summary>Observable gauge: work orders waiting in each live catalyst's queue.</summary>
        public const string QueueLength = "tasktonic.catalyst.queue_length";

        /// <summary>Observable counter: tonics restarted by their supervisor, per formula.</summary>
        public const string Restarted = "tasktonic.tonics.restarted";

        /// <summary>
        /// Observable counter: dead letters (dropped or failed work orders), per formula (<see cref="FormulaTag"/>) and
        /// reason (<see cref="ReasonTag"/>); the same counts as <see cref="DeadLetters.DeadLetterSink.CountOf"/>, read
        /// only when the meter is collected (nothing is done per dead letter).
        /// </summary>
        public const string DeadLettered = "tasktonic.dead_letters";

        /// <summary>Histogram (seconds): how late timers fired after their due time, per catalyst.</summary>
        public const string TimerLateness = "tasktonic.timer.lateness";
    }

    internal static readonly ActivitySource Source = new(Name, typeof(TonicTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(TonicTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Histogram<double> SparkleDuration = Meter.CreateHistogram<double>(Instruments.SparkleDuration, "s",
        "How long each work order ran on its catalyst.");

    internal static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>(Instruments.TimerLateness, "s",
        "How late timers fired after their due time.");

    private static long s_carried;

    static TonicTelemetry()
    {
        Meter.CreateObservableCounter(Instruments.WorkOrders, TelemetryRegistry.Executed, "{work_order}",
            "Work orders executed by each catalyst.");
        Meter.CreateObservableGauge(Instruments.QueueLength, TelemetryRegistry.QueueLengths, "{work_order}",
            "Work orders waiting in each catalyst's queue.");
        Meter.CreateObservableCounter(Instruments.Restarted,
            () => TelemetryRegistry.PerFormula(static l => l.Supervision.CountOf(Supervision.SupervisionEventKind.Restarted)), "{tonic}",
            "Tonics restarted by their supervisor.");
        Meter.CreateObservableCounter(Instruments.DeadLettered, TelemetryRegistry.DeadLetters, "{work_order}",
            "Dropped or failed work orders, per reason.");
    }

    /// <summary>
    /// True while anything listens to the duration histogram or the activity source, or while a work order carrying a
    /// trace context is on its way (so a carried context is always unwrapped). A few loads and one branch on the hot path.
    /// </summary>
    /// <remarks>A plain (volatile) load of the carried count: <c>Interlocked.Read</c> is a locked read-modify-write that
    /// makes every core's work order take the counter's cache line exclusive.</remarks>
    internal static bool Observed => (Volatile.Read(ref s_carried) != 0) | Source.HasListeners() | SparkleDuration.Enabled;

    /// <summary>
    /// On the post path, while the source has listeners: wraps the arguments with the running sparkle's span context, so
    /// the receiving sparkle's span is its child. Returns <paramref name="args"/> unchanged when there is no current span.
    /// </summary>
    internal static object? CarryTrace(object? args)
    {
        if (Activity.Current is not { } current)
        {
            return args;
        }

        Interlocked.Increment(ref s_carried); // before the order is queued, so its catalyst takes the observed path
        return new TracedArguments(current.Context, args);
    }

    /// <summary>A carried context was unwrapped (its work order runs or was reported as dropped).</summary>
    internal static void Released() => Interlocked.Decrement(ref s_carried);

    /// <summary>Records a timer's lateness (from the expiry it was due to the moment it fired), when someone listens.</summary>
    internal static void RecordTimerLateness(Tonic owner, TimeSpan lateness)
    {
        if (TimerLateness.Enabled)
        {
            TimerLateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>(CatalystTag, owner.Catalyst.Name));
        }
    }
}

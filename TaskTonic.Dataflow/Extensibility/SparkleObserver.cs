using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Extensibility;

/// <summary>
/// For test kits and tools, not applications: watches every sparkle of a ledger (the Distiller traces through it, a
/// <see cref="Recording.Recorder"/> records through it). Install one with <see cref="TestKitHooks.TakeOver"/>.
/// </summary>
/// <remarks>
/// Guarantees: every call runs on the thread of the catalyst that runs the sparkle, inside the sparkle's frame, so calls
/// for one catalyst never overlap; every <see cref="OnSparkleEntering"/> is matched by one <see cref="OnSparkleExited"/>
/// on the same thread, nested sparkles (hooks, timer sparkles) inside their work order's pair. An observer must not
/// throw: an exception escapes into the runtime's failure handling of that sparkle. With no observer installed the
/// runtime pays one null check per sparkle.
/// </remarks>
public abstract class SparkleObserver
{
    /// <summary>Creates the observer.</summary>
    protected SparkleObserver()
    {
    }

    /// <summary>
    /// A sparkle of <paramref name="tonic"/> is about to run. <paramref name="sparkle"/> is a generated sparkle id
    /// (≥ 0, an index into <see cref="Sparkles.TonicDescriptor.Sparkles"/>) or a negative id of the runtime's own work;
    /// it equals <paramref name="workOrder"/>'s sparkle for the work order's own sparkle and differs for hooks run inside it.
    /// </summary>
    protected internal abstract void OnSparkleEntering(Tonic tonic, int sparkle, in WorkOrderInfo workOrder);

    /// <summary>The sparkle last entered on this thread has returned; <paramref name="failure"/> is what it threw, or null.</summary>
    protected internal abstract void OnSparkleExited(Tonic tonic, int sparkle, Exception? failure);

    /// <summary><paramref name="tonic"/> changed state (indices into its descriptor's states; -1 is no state).</summary>
    protected internal abstract void OnStateChanged(Tonic tonic, int oldState, int newState);

    /// <summary>The TaskTonic name of <paramref name="sparkle"/> on <paramref name="tonic"/> (<c>ttsc__open</c>, <c>_ttss__on_start</c>…).</summary>
    protected static string SparkleName(Tonic tonic, int sparkle) => Tonic.NameOfSparkle(tonic, sparkle);

    /// <summary>The method that handles <paramref name="sparkle"/> in <paramref name="tonic"/>'s current state, else its sparkle name.</summary>
    protected static string HandlerName(Tonic tonic, int sparkle)
    {
        ArgumentNullException.ThrowIfNull(tonic);
        return tonic.Descriptor.HandlerName(sparkle, tonic.State);
    }

    // The runtime's call sites: one non-virtual forward to one virtual call, as with the interface before.
    internal void Entering(Tonic tonic, int sparkle, in WorkOrder order) => OnSparkleEntering(tonic, sparkle, new WorkOrderInfo(order));

    internal void Exited(Tonic tonic, int sparkle, Exception? failure) => OnSparkleExited(tonic, sparkle, failure);

    internal void StateChanged(Tonic tonic, int oldState, int newState) => OnStateChanged(tonic, oldState, newState);
}

using TaskTonic.Dataflow.Recording;

namespace TaskTonic.Dataflow.Extensibility;

/// <summary>
/// For test kits and tools, not applications: the runtime's one seam for a harness such as the Distiller (package
/// TaskTonic.Dataflow.Testing). It takes over a formula before it starts (clock, catalyst loops, sparkle observer),
/// starts it, and re-posts recorded work orders for a replay.
/// </summary>
public static class TestKitHooks
{
    /// <summary>
    /// Takes over <paramref name="formula"/> before it starts: its ledger's time becomes <paramref name="clock"/>, every
    /// catalyst it creates gets the <see cref="ManualCatalystLoop"/> that <paramref name="loops"/> returns for it (nothing
    /// runs unless the caller runs it), and <paramref name="observer"/> watches every sparkle.
    /// </summary>
    /// <exception cref="InvalidOperationException">The formula has started, or was taken over already.</exception>
    public static void TakeOver(Formula formula, TimeProvider clock, Func<Catalyst, ManualCatalystLoop> loops, SparkleObserver observer)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(loops);
        ArgumentNullException.ThrowIfNull(observer);
        var ledger = formula.Ledger;
        if (formula.Status != FormulaStatus.Starting || ledger.LoopFactory is not null)
        {
            throw new InvalidOperationException("A test kit takes over a formula once, before it starts.");
        }

        ledger.TimeProvider = clock;
        ledger.LoopFactory = (catalyst, _) => loops(catalyst).Host;
        ledger.Observer = observer;
    }

    /// <summary>
    /// Starts a formula taken over by <see cref="TakeOver"/>: creates the main catalyst and the starting tonics and queues
    /// their starts (nothing runs until the test kit runs the loops).
    /// </summary>
    /// <exception cref="InvalidOperationException">The formula was not taken over, or has started.</exception>
    public static void Start(Formula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (formula.Ledger.LoopFactory is null)
        {
            throw new InvalidOperationException("Only a formula taken over by a test kit (TakeOver) is started this way; run others with RunAsync.");
        }

        formula.Start();
    }

    /// <summary>
    /// Posts <paramref name="record"/> again to the tonic of the same name, as its recorded source sent it: a sparkle with
    /// its decoded arguments, a state request, a timer firing (the timer is found by name) or a finish.
    /// </summary>
    /// <param name="record">A record whose <see cref="RecordedWorkOrder.IsReplayable"/> is true.</param>
    /// <param name="findTonic">Finds a tonic of the replayed tree by name (targets, sources and tonic arguments).</param>
    /// <returns>True when queued; false when the target's catalyst no longer accepts work.</returns>
    /// <exception cref="ReplayException">The record does not fit the tree: a tonic, sparkle, state or timer is missing, or its arguments do not decode.</exception>
    public static bool Repost(RecordedWorkOrder record, Func<string, Tonic?> findTonic)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(findTonic);
        var order = RecordedWorkOrderBuilder.Build(record, findTonic);
        return order.Target.Catalyst.Enqueue(order);
    }
}

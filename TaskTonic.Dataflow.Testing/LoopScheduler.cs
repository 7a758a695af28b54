namespace TaskTonic.Dataflow.Testing;

/// <summary>Chooses which catalyst's head work order the distiller runs next.</summary>
internal abstract class LoopScheduler
{
    public static LoopScheduler Create(ExplorationOptions options, int seed) => options.Strategy switch
    {
        SchedulingStrategy.PostingOrder => new PostingOrderScheduler(),
        SchedulingStrategy.Random => new RandomScheduler(seed),
        SchedulingStrategy.Priority => new PriorityScheduler(seed, options.ChangePoints, options.MaxSteps),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "Unknown scheduling strategy."),
    };

    /// <summary>A loop was created (in catalyst creation order).</summary>
    public virtual void Added(DistillerLoop loop)
    {
    }

    /// <summary>The loop to run at <paramref name="step"/> (the number of work orders run so far), or null when all are empty.</summary>
    public abstract DistillerLoop? Pick(IReadOnlyList<DistillerLoop> loops, long step);

    /// <summary>The loops that have work, in creation order.</summary>
    protected static List<DistillerLoop> Enabled(IReadOnlyList<DistillerLoop> loops)
    {
        var enabled = new List<DistillerLoop>(loops.Count);
        foreach (var loop in loops)
        {
            if (loop.PeekSequence() is not null)
            {
                enabled.Add(loop);
            }
        }

        return enabled;
    }
}

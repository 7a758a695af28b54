namespace TaskTonic.Dataflow.Testing;

/// <summary>Picks uniformly among the catalysts that have work, from a seeded generator.</summary>
internal sealed class RandomScheduler(int seed) : LoopScheduler
{
    private readonly Random _random = new(seed);

    public override DistillerLoop? Pick(IReadOnlyList<DistillerLoop> loops, long step)
    {
        var enabled = Enabled(loops);
        return enabled.Count switch
        {
            0 => null,
            1 => enabled[0],
            _ => enabled[_random.Next(enabled.Count)],
        };
    }
}

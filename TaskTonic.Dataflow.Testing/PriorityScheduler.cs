namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// PCT (probabilistic concurrency testing, Burckhardt et al. 2010): every catalyst gets a random priority when it is
/// created, and the highest-priority catalyst with work always runs. At d - 1 change points, steps drawn at random from
/// [1, maxSteps], the catalyst about to run drops below every initial priority (later change points lower). A bug that
/// needs d ordering constraints is found with a probability of at least 1 / (n · k^(d-1)) per run.
/// </summary>
internal sealed class PriorityScheduler : LoopScheduler
{
    private readonly Random _random;
    private readonly int _changePoints;
    private readonly long[] _changeSteps;
    private readonly Dictionary<DistillerLoop, long> _priorities = [];
    private int _nextChange;

    public PriorityScheduler(int seed, int changePoints, int maxSteps)
    {
        _random = new Random(seed);
        _changePoints = changePoints;
        var steps = new SortedSet<long>();
        var wanted = Math.Min(Math.Max(changePoints - 1, 0), maxSteps);
        while (steps.Count < wanted)
        {
            steps.Add(_random.NextInt64(1, maxSteps + 1L));
        }

        _changeSteps = [.. steps];
    }

    public override void Added(DistillerLoop loop) =>
        _priorities[loop] = _changePoints + _random.NextInt64(0, 1L << 40);

    public override DistillerLoop? Pick(IReadOnlyList<DistillerLoop> loops, long step)
    {
        var best = Highest(loops);
        if (best is not null && _nextChange < _changeSteps.Length && step + 1 >= _changeSteps[_nextChange])
        {
            _nextChange++;
            _priorities[best] = _changePoints - _nextChange;
            best = Highest(loops);
        }

        return best;
    }

    private DistillerLoop? Highest(IReadOnlyList<DistillerLoop> loops)
    {
        DistillerLoop? best = null;
        var bestPriority = long.MinValue;
        foreach (var loop in loops)
        {
            if (loop.PeekSequence() is not null && _priorities[loop] > bestPriority)
            {
                best = loop;
                bestPriority = _priorities[loop];
            }
        }

        return best;
    }
}

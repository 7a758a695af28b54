using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Testing;

public sealed class DeterminismTests
{
    private static IReadOnlyList<string> RunRelay(Func<Formula, Distiller> create)
    {
        var formula = new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        var distiller = create(formula);
        RelayHub? hub = null;
        formula.AddStartingTonic(() => hub = new RelayHub(6));
        distiller.Start();
        for (var i = 0; i < 6; i++)
        {
            hub!.Submit(i, $"item {i}");
        }

        var result = distiller.RunUntilIdle();
        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.Equal(6, hub!.Results.Count);
        return distiller.Trace.ToCanonicalStrings();
    }

    [Fact]
    public void A_multi_catalyst_application_gives_the_same_trace_in_50_runs()
    {
        var first = RunRelay(f => new Distiller(f));
        Assert.Contains(first, e => e.Contains("@c1 ttsc__work", StringComparison.Ordinal));
        Assert.Contains(first, e => e.Contains("@c2 ttsc__work", StringComparison.Ordinal));
        Assert.Contains(first, e => e.Contains("ttse__on_tick", StringComparison.Ordinal));
        for (var run = 1; run < 50; run++)
        {
            Assert.Equal(first, RunRelay(f => new Distiller(f)));
        }
    }

    [Theory]
    [InlineData(SchedulingStrategy.Random)]
    [InlineData(SchedulingStrategy.Priority)]
    public void A_seeded_schedule_gives_the_same_trace_in_50_runs(SchedulingStrategy strategy)
    {
        var options = new ExplorationOptions { Strategy = strategy };
        var first = RunRelay(f => new Distiller(f, options, seed: 1234));
        for (var run = 1; run < 50; run++)
        {
            Assert.Equal(first, RunRelay(f => new Distiller(f, options, seed: 1234)));
        }
    }

    [Fact]
    public void Different_seeds_give_different_interleavings()
    {
        var options = new ExplorationOptions { Strategy = SchedulingStrategy.Random };
        var traces = Enumerable.Range(0, 20).Select(seed => string.Join('\n', RunRelay(f => new Distiller(f, options, seed)))).ToHashSet();
        Assert.True(traces.Count > 1);
    }
}

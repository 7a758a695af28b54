using TaskTonic.Dataflow.Partitioning;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Partitioning;

public sealed class PlacementTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void CH01_growing_from_N_to_N_plus_1_moves_about_one_in_N_plus_1_keys_all_to_the_new_catalyst(int n)
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Name = "p", Size = n }));
        var placement = new ConsistentHashPlacement<string>(pool.Catalysts);
        var keys = Enumerable.Range(0, 20_000).Select(i => $"order-{i}").ToArray();
        var before = keys.Select(placement.Place).ToArray();
        pool.Resize(n + 1);
        placement.Update(pool.Catalysts);
        var added = pool.Catalysts[n];
        var moved = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var after = placement.Place(keys[i]);
            if (!ReferenceEquals(after, before[i]))
            {
                moved++;
                Assert.Same(added, after);
            }
        }

        var expected = 1.0 / (n + 1);
        Assert.InRange((double)moved / keys.Length, expected * 0.75, expected * 1.25);
    }

    [Fact]
    public void CH02_keys_spread_evenly_and_place_the_same_in_every_instance()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Name = "p", Size = 4 }));
        var a = new ConsistentHashPlacement<int>(pool.Catalysts);
        var b = new ConsistentHashPlacement<int>(pool.Catalysts);
        var counts = Enumerable.Range(0, 40_000).GroupBy(a.Place).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 7_000, 13_000));
        Assert.All(Enumerable.Range(0, 1000), k => Assert.Same(a.Place(k), b.Place(k)));
    }

    [Fact]
    public void CH03_bad_input_is_refused_naming_the_parameter()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Size = 1 }));
        Assert.Equal("executors", Assert.Throws<ArgumentException>(() => new ConsistentHashPlacement<string>([])).ParamName);
        Assert.Equal("virtualNodes", Assert.Throws<ArgumentOutOfRangeException>(() => new ConsistentHashPlacement<string>(pool.Catalysts, 0)).ParamName);
        var placement = new ConsistentHashPlacement<string>(pool.Catalysts);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => placement.Place(null!)).ParamName);
        Assert.Equal("executors", Assert.Throws<ArgumentException>(() => placement.Update([])).ParamName);
    }
}

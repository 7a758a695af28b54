using TaskTonic.Dataflow.Partitioning;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Partitioning;

public sealed class RebalancingTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(300); // a hang guard only: 100,000 messages on a loaded 2-core box took 60 s once

    [Fact]
    public async Task RB01_100000_keyed_messages_while_the_pool_grows_2_4_3_are_all_delivered_in_order_per_key()
    {
        var formula = new Formula();
        Bank? bank = null;
        formula.AddStartingTonic(() => bank = new Bank(2));
        var run = formula.RunAsync();
        await PartitionTests.WaitFor(() => bank?.Accounts is not null);
        const int total = 100_000, keys = 1_000;
        var accounts = bank!.Accounts!;
        var pool = bank.Pool!;
        var removed = new List<Catalyst>();
        for (var i = 0; i < total; i++)
        {
            accounts.For($"k{i % keys}").Add(i);
            if (i == total / 3)
            {
                pool.Resize(4);
            }
            else if (i == 2 * total / 3)
            {
                removed.Add(pool.Catalysts[3]);
                pool.Resize(3);
            }
        }

        var all = Enumerable.Range(0, keys).Select(k => accounts.For($"k{k}")).ToList();
        var moves = accounts.Moves;
        var distribution = accounts.KeysPerCatalyst();
        bank.Close();
        await run.WaitAsync(s_safety);
        Assert.Equal(total, all.Sum(a => a.Seen.Count));
        Assert.All(all, a => Assert.Equal(a.Seen.Order(), a.Seen));
        Assert.Equal(0, formula.Ledger.DroppedCount);
        Assert.Equal(keys, accounts.Activations);
        Assert.InRange(moves, keys / 2, keys * 2);
        Assert.Equal(3, distribution.Count);
        Assert.All(distribution.Values, n => Assert.InRange(n, keys / 6, keys / 2));
        Assert.True(removed.Single().IsCompleted);
        Assert.Contains(all, a => a.Catalysts.Count > 1);
    }

    private sealed class ScriptedPolicy(Func<IReadOnlyList<CatalystLoad>, RebalanceMove?> decide) : IRebalancePolicy
    {
        public List<IReadOnlyList<CatalystLoad>> Seen { get; } = [];

        public RebalanceMove? Decide(IReadOnlyList<CatalystLoad> loads)
        {
            Seen.Add(loads);
            return decide(loads);
        }
    }

    [Fact]
    public void RB02_a_rebalance_policy_moves_keys_off_a_catalyst_and_keeps_their_order()
    {
        var moved = false;
        var policy = new ScriptedPolicy(loads =>
        {
            if (moved || loads[0].Keys == 0)
            {
                return null;
            }

            moved = true;
            return new RebalanceMove(loads[0].Catalyst, loads[1].Catalyst, loads[0].Keys);
        });
        var options = new PartitionOptions<string, Account> { RebalancePolicy = policy, CheckInterval = TimeSpan.FromSeconds(1) };
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(2, options));
        distiller.RunUntilIdle(TimeSpan.FromMilliseconds(10));
        var accounts = bank.Accounts!;
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToList();
        for (var i = 0; i < 10; i++)
        {
            keys.ForEach(k => accounts.For(k).Add(i));
        }

        distiller.RunUntilIdle(TimeSpan.FromSeconds(1.5));
        Assert.True(moved);
        for (var i = 10; i < 20; i++)
        {
            keys.ForEach(k => accounts.For(k).Add(i));
        }

        distiller.RunUntilIdle(TimeSpan.FromSeconds(1));
        var c0 = bank.Pool!.Catalysts[0];
        Assert.All(keys, k => Assert.NotSame(c0, accounts.For(k).Catalyst));
        Assert.All(keys, k => Assert.Equal(Enumerable.Range(0, 20), accounts.For(k).Seen));
        Assert.Equal(0, accounts.KeysPerCatalyst()[c0]);
        Assert.True(accounts.Moves > 0);
        Assert.Equal(2, policy.Seen[0].Count);
    }

    [Fact]
    public void RB03_the_queue_length_policy_moves_keys_only_after_the_same_catalyst_stayed_overloaded()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Size = 3 }));
        var (a, b, c) = (pool.Catalysts[0], pool.Catalysts[1], pool.Catalysts[2]);
        var policy = new QueueLengthRebalancePolicy(ratio: 2, minimumQueue: 10, consecutiveChecks: 3, keyShare: 0.5);
        CatalystLoad[] overloaded = [new(a, 100, 8), new(b, 10, 8), new(c, 4, 8)];
        CatalystLoad[] even = [new(a, 10, 8), new(b, 10, 8), new(c, 10, 8)];
        Assert.Null(policy.Decide(overloaded));
        Assert.Null(policy.Decide(overloaded));
        Assert.Equal(new RebalanceMove(a, c, 4), policy.Decide(overloaded));
        Assert.Null(policy.Decide(overloaded));
        Assert.Null(policy.Decide(even));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueLengthRebalancePolicy(keyShare: 0));
    }
}

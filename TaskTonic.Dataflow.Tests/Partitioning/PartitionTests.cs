using TaskTonic.Dataflow.Partitioning;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Partitioning;

public sealed class PartitionTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    [Fact]
    public void KP01_For_creates_the_keyed_tonic_once_on_the_catalyst_its_key_maps_to()
    {
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(3));
        distiller.RunUntilIdle();
        var accounts = bank.Accounts!;
        var alice = accounts.For("alice");
        Assert.Same(alice, accounts.For("alice"));
        Assert.Same(accounts.Placement.Place("alice"), alice.Catalyst);
        Assert.Same(accounts, alice.Parent);
        Assert.Equal("alice", alice.Key);
        alice.Add(5);
        distiller.RunUntilIdle();
        Assert.Equal(5, alice.Balance);
        Assert.Equal(1, accounts.ActiveKeys);
        Assert.Equal(1, accounts.Activations);
    }

    [Fact]
    public async Task KP02_work_for_each_key_runs_in_the_order_it_was_sent_across_threads()
    {
        var formula = new Formula();
        Bank? bank = null;
        formula.AddStartingTonic(() => bank = new Bank(4));
        var run = formula.RunAsync();
        await WaitFor(() => bank?.Accounts is not null);
        const int keys = 64, perKey = 500;
        var senders = Enumerable.Range(0, 2).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perKey; i++)
            {
                for (var k = s; k < keys; k += 2)
                {
                    bank!.Accounts!.For($"k{k}").Add(i);
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).WaitAsync(s_safety);
        var all = Enumerable.Range(0, keys).Select(k => bank!.Accounts!.For($"k{k}")).ToList();
        bank!.Close();
        await run.WaitAsync(s_safety);
        Assert.All(all, a => Assert.Equal(Enumerable.Range(0, perKey), a.Seen));
        Assert.Equal(0, formula.Ledger.DroppedCount);
        Assert.Equal(keys, bank.Accounts!.Activations);
        Assert.True(bank.Pool!.Catalysts.All(c => c.IsCompleted));
    }

    [Fact]
    public void KP03_a_null_key_is_refused_naming_the_parameter()
    {
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(2));
        distiller.RunUntilIdle();
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => bank.Accounts!.For(null!)).ParamName);
        Assert.Equal(0, bank.Accounts!.ActiveKeys);
    }

    [Fact]
    public void KP04_a_throwing_factory_propagates_keeps_nothing_and_the_next_call_retries()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Size = 2 }));
        var fail = true;
        var partition = distiller.Spawn(() => new Partition<string, Account>(pool, (key, options) =>
            fail ? throw new InvalidDataException("no account " + key) : new Account(key, options)));
        var ex = Assert.Throws<InvalidDataException>(() => partition.For("bob"));
        Assert.Equal("no account bob", ex.Message);
        Assert.Equal(0, partition.ActiveKeys);
        fail = false;
        partition.For("bob").Add(1);
        distiller.RunUntilIdle();
        Assert.Equal(1, partition.For("bob").Balance);
    }

    [Fact]
    public void KP05_a_factory_that_ignores_the_options_or_returns_null_is_refused()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Size = 2 }));
        var ignoring = distiller.Spawn(() => new Partition<string, Account>(pool, (key, _) => new Account(key, new TonicOptions())));
        Assert.Throws<InvalidOperationException>(() => ignoring.For("x"));
        var returningNull = distiller.Spawn(() => new Partition<string, Account>(pool, (_, _) => null!));
        Assert.Throws<InvalidOperationException>(() => returningNull.For("x"));
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => distiller.Spawn(() => new Partition<string, Account>(pool, null!))).ParamName);
        Assert.Equal("pool", Assert.Throws<ArgumentNullException>(() => distiller.Spawn(() => new Partition<string, Account>(null!, (k, o) => new Account(k, o)))).ParamName);
    }

    [Fact]
    public void KP06_an_idle_key_is_passivated_after_the_timeout_and_restored_on_the_next_message()
    {
        var saved = new Dictionary<string, int>();
        var options = new PartitionOptions<string, Account>
        {
            IdleTimeout = TimeSpan.FromSeconds(10),
            Save = (key, account) => saved[key] = account.Balance,
            Restore = (key, account) => account.Balance = saved.GetValueOrDefault(key),
        };
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(2, options));
        distiller.RunUntilIdle(TimeSpan.FromSeconds(1));
        var accounts = bank.Accounts!;
        var first = accounts.For("carol");
        first.Add(5);
        accounts.For("dave").Add(1);
        distiller.RunUntilIdle(TimeSpan.FromSeconds(6));
        accounts.For("dave").Add(1);
        distiller.RunUntilIdle(TimeSpan.FromSeconds(9));
        Assert.True(first.IsCompleted);
        Assert.Equal(5, saved["carol"]);
        Assert.Equal(1, accounts.Passivations);
        Assert.Equal(1, accounts.ActiveKeys);
        var second = accounts.For("carol");
        Assert.NotSame(first, second);
        second.Add(2);
        distiller.RunUntilIdle(TimeSpan.FromSeconds(1));
        Assert.Equal(7, second.Balance);
        Assert.Equal(3, accounts.Activations);
        Assert.Equal(0, distiller.Ledger.DroppedCount);
    }

    [Fact]
    public void KP07_finishing_the_partition_saves_every_live_key()
    {
        var saved = new Dictionary<string, int>();
        var options = new PartitionOptions<string, Account> { Save = (key, account) => saved[key] = account.Balance };
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(2, options));
        distiller.RunUntilIdle();
        bank.Deposit("a", 1);
        bank.Deposit("b", 2);
        bank.Deposit("a", 3);
        bank.Close();
        distiller.RunUntilIdle();
        Assert.True(bank.IsCompleted);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 4, ["b"] = 2 }, saved);
        Assert.Throws<InvalidOperationException>(() => bank.Accounts!.For("c"));
    }

    internal static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Yield();
        }
    }
}

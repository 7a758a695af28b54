using TaskTonic.Dataflow.Partitioning;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Partitioning;

public sealed class CatalystPoolTests
{
    [Fact]
    public void PL01_a_pool_defaults_to_one_catalyst_per_core_and_finishes_with_its_owner()
    {
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(0 + Environment.ProcessorCount));
        distiller.RunUntilIdle();
        var pool = bank.Pool!;
        Assert.Equal(Environment.ProcessorCount, pool.Size);
        Assert.All(pool.Catalysts, c => Assert.Same(pool, c.Parent));
        Assert.All(pool.Catalysts, c => Assert.False(c.IsFinishing));
        bank.Close();
        distiller.RunUntilIdle();
        Assert.True(bank.IsCompleted);
        Assert.All(pool.Catalysts, c => Assert.True(c.IsCompleted));
    }

    [Fact]
    public void PL02_a_pool_created_without_a_size_has_one_catalyst_per_core()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool());
        Assert.Equal(Environment.ProcessorCount, pool.Size);
        Assert.Equal(pool.Size, pool.Catalysts.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void PL03_a_pool_of_zero_is_refused_naming_the_parameter()
    {
        var distiller = new Distiller();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Size = 0 })));
        Assert.Equal("options", ex.ParamName);
        Assert.Equal(0, distiller.Ledger.Snapshot().OfType<CatalystPool>().Count());
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Size = 2 }));
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => pool.Resize(0)).ParamName);
        Assert.Equal(2, pool.Size);
    }

    [Fact]
    public void PL04_shrinking_finishes_the_removed_catalysts_and_growing_adds_new_ones()
    {
        var distiller = new Distiller();
        var pool = distiller.Spawn(() => new CatalystPool(new CatalystPoolOptions { Name = "p", Size = 3 }));
        var resized = 0;
        pool.Resized += (_, _) => resized++;
        var third = pool.Catalysts[2];
        pool.Resize(2);
        distiller.RunUntilIdle();
        Assert.True(third.IsCompleted);
        pool.Resize(4);
        distiller.RunUntilIdle();
        Assert.Equal(["p.c0", "p.c1", "p.c3", "p.c4"], pool.Catalysts.Select(c => c.Name));
        Assert.All(pool.Catalysts, c => Assert.False(c.IsFinishing));
        Assert.Equal(2, resized);
    }

    [Fact]
    public void PL05_a_pool_with_keyed_work_gives_the_same_trace_in_every_distiller_run()
    {
        static IReadOnlyList<string> Run()
        {
            var distiller = new Distiller();
            var bank = distiller.Spawn(() => new Bank(3));
            distiller.RunUntilIdle();
            for (var i = 0; i < 60; i++)
            {
                bank.Deposit($"k{i % 12}", i);
            }

            bank.Pool!.Resize(2);
            bank.Close();
            distiller.RunUntilIdle();
            Assert.True(bank.IsCompleted);
            return distiller.Trace.ToCanonicalStrings();
        }

        var first = Run();
        Assert.Contains(first, e => e.Contains("ttsc__add", StringComparison.Ordinal));
        for (var run = 1; run < 10; run++)
        {
            Assert.Equal(first, Run());
        }
    }

    [Fact]
    public async Task PL06_a_pool_on_dedicated_threads_runs_each_catalyst_on_its_own_thread()
    {
        var formula = new Formula();
        CatalystPool? pool = null;
        Partition<string, Account>? accounts = null;
        formula.AddStartingTonic(() =>
        {
            pool = new CatalystPool(new CatalystPoolOptions { Name = "dt", Size = 2, Threading = CatalystThreading.DedicatedThread });
            return accounts = new Partition<string, Account>(pool, (key, options) => new Account(key, options));
        });
        var run = formula.RunAsync();
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var all = Enumerable.Range(0, 20).Select(k => accounts!.For($"k{k}")).ToList();
        all.ForEach(a => a.OnAdd = () => threads[a.Catalyst.Name] = Environment.CurrentManagedThreadId);
        all.ForEach(a => a.Add(1));
        accounts!.Finish();
        pool!.Finish();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(pool.Catalysts, c => Assert.Equal(CatalystThreading.DedicatedThread, c.Threading));
        Assert.Equal(2, threads.Count);
        Assert.Equal(2, threads.Values.Distinct().Count());
        Assert.All(all, a => Assert.Equal([1], a.Seen));
    }
}

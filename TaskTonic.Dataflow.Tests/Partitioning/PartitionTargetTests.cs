using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Partitioning;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Partitioning;

public sealed class PartitionTargetTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    private sealed record Order(string Symbol, int Sequence);

    [Fact]
    public async Task PT01_a_linked_source_feeds_every_item_to_its_key_in_order_and_completion_propagates()
    {
        var formula = new Formula();
        Bank? bank = null;
        formula.AddStartingTonic(() => bank = new Bank(3));
        var run = formula.RunAsync();
        await PartitionTests.WaitFor(() => bank?.Accounts is not null);
        var target = bank!.Accounts!.AsTarget<Order>(o => o.Symbol, (account, o) => account.Seen.Add(o.Sequence), boundedCapacityPerCatalyst: 8);
        var source = new BufferBlock<Order>();
        source.LinkTo(target, new DataflowLinkOptions { PropagateCompletion = true });
        const int total = 20_000, keys = 100;
        for (var i = 0; i < total; i++)
        {
            source.Post(new Order($"s{i % keys}", i));
        }

        source.Complete();
        await target.Completion.WaitAsync(s_safety);
        var accounts = Enumerable.Range(0, keys).Select(k => bank.Accounts.For($"s{k}")).ToList();
        Assert.Equal(total, accounts.Sum(a => a.Seen.Count));
        Assert.All(accounts, a => Assert.Equal(a.Seen.Order(), a.Seen));
        Assert.Equal(0, target.InputCount);
        bank.Close();
        await run.WaitAsync(s_safety);
    }

    [Fact]
    public async Task PT02_a_bounded_target_accepts_at_most_the_capacity_per_catalyst_until_items_are_processed()
    {
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(1));
        distiller.RunUntilIdle();
        var target = bank.Accounts!.AsTarget<Order>(o => o.Symbol, (account, o) => account.Seen.Add(o.Sequence), boundedCapacityPerCatalyst: 2);
        Assert.True(target.Post(new Order("a", 1)));
        Assert.True(target.Post(new Order("b", 2)));
        Assert.False(target.Post(new Order("a", 3)));
        var waiting = target.SendAsync(new Order("a", 4));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(2, target.InputCount);
        distiller.RunUntilIdle();
        Assert.True(await waiting.WaitAsync(s_safety));
        Assert.Equal([1, 4], bank.Accounts.For("a").Seen);
        target.Complete();
        Assert.True(target.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PT03_a_null_key_faults_the_block_and_later_items_are_declined()
    {
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(2));
        distiller.RunUntilIdle();
        var target = bank.Accounts!.AsTarget<Order>(o => o.Symbol, (account, o) => account.Seen.Add(o.Sequence));
        Assert.True(target.Post(new Order("a", 1)));
        Assert.False(target.Post(new Order(null!, 2)));
        Assert.False(target.Post(new Order("a", 3)));
        distiller.RunUntilIdle();
        await Assert.ThrowsAsync<ArgumentException>(() => target.Completion.WaitAsync(s_safety));
        Assert.Empty(bank.Accounts.For("a").Seen);
    }

    [Fact]
    public async Task PT04_a_faulted_source_faults_the_target_and_a_finished_partition_cancels_it()
    {
        var distiller = new Distiller();
        var bank = distiller.Spawn(() => new Bank(2));
        distiller.RunUntilIdle();
        var first = bank.Accounts!.AsTarget<Order>(o => o.Symbol, (account, o) => account.Seen.Add(o.Sequence));
        var source = new BufferBlock<Order>();
        source.LinkTo(first, new DataflowLinkOptions { PropagateCompletion = true });
        ((IDataflowBlock)source).Fault(new TimeoutException("feed lost"));
        var fault = await Assert.ThrowsAsync<AggregateException>(() => first.Completion.WaitAsync(s_safety));
        Assert.IsType<TimeoutException>(fault.InnerException);
        var second = bank.Accounts.AsTarget<Order>(o => o.Symbol, (account, o) => account.Seen.Add(o.Sequence));
        Assert.True(second.Post(new Order("z", 1)));
        bank.Close();
        distiller.RunUntilIdle();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.Completion.WaitAsync(s_safety));
        Assert.Equal("boundedCapacityPerCatalyst", Assert.Throws<ArgumentOutOfRangeException>(() =>
            bank.Accounts.AsTarget<Order>(o => o.Symbol, (_, _) => { }, 0)).ParamName);
    }
}

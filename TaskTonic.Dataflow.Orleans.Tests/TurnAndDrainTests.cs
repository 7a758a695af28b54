using MessagePack;
using MessagePack.Resolvers;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>
/// A key's tonic runs on a loop its grain's turns hold; work reaching the tonic between turns (here: a task the tonic
/// bound completing) runs on a pool drain of that loop. These tests pin down how the two paths meet: work between turns
/// is applied and ordered with the commands around it, a command arriving while the drain is busy waits behind it
/// (the slow path) and is acknowledged, and failures on either path reach the sender without breaking the key. Each
/// runs on a partition that checkpoints every command (a system step acknowledges it) and on one that does not (the
/// turn runs the command and what it queued, with no acknowledgement step).
/// </summary>
[Collection(ClusterGroup.Name)]
public sealed class TurnAndDrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(45);

    private OrleansPartition<string> Partition(string name, DeliveryGuarantee guarantee = DeliveryGuarantee.AtLeastOnceDeduplicated) =>
        new(fixture.Cluster.Client, name,
            new OrleansPartitionOptions { Guarantee = guarantee, RetryDelay = TimeSpan.Zero });

    private static Task<CounterState?> StateOf(OrleansPartition<string> partition, string key) =>
        partition.SnapshotAsync<CounterState>(key).WaitAsync(Guard);

    /// <summary>Sends Add(1) and Later(2) to <paramref name="key"/>, releases the later work and waits until its delivery runs (and, with a hold, blocks).</summary>
    private static async Task<DeferredWork> StartLaterWorkAsync(OrleansPartition<string> partition, string key, bool hold)
    {
        var work = DeferredWork.For($"{key}-later", hold);
        await partition.SendAsync(key, new Add(1)).WaitAsync(Guard);
        await partition.SendAsync(key, new Later($"{key}-later", 2)).WaitAsync(Guard);
        Assert.True(work.HandledOnTurn, "the handler ran outside the grain's turn");
        Assert.False(work.Entered.Task.IsCompleted);

        work.Released.SetResult();
        Assert.True(await work.Entered.Task.WaitAsync(Guard), "the delivery ran under a grain turn's task scheduler");
        return work;
    }

    /// <summary>Waits (bounded) until the send's step is queued on the key's loop behind the blocked delivery; it cannot complete before.</summary>
    private static async Task AssertQueuedBehindDrainAsync(DeferredWork work, Task send)
    {
        var catalyst = work.Catalyst!;
        Assert.True(await Task.Run(() => SpinWait.SpinUntil(() => catalyst.QueuedWorkOrders > 0 || send.IsCompleted, Guard)),
            "the command never reached the key's loop");
        Assert.False(send.IsCompleted, "the command completed while the drain held the loop");
    }

    [Theory]
    [InlineData(ClusterFixture.Partition)]
    [InlineData(ClusterFixture.LazyPartition)]
    public async Task OR13_WorkBetweenTurns_RunsOnThePoolDrain_AndLaterCommandsFollowIt(string name)
    {
        var key = $"or13-{name}";
        var partition = Partition(name);
        var work = await StartLaterWorkAsync(partition, key, hold: false);

        // counted with no turn of the key running: the drain applied it
        await work.Counted.Task.WaitAsync(Guard);
        await partition.SendAsync(key, new Add(3)).WaitAsync(Guard);
        await partition.SendAsync(key, new Add(4)).WaitAsync(Guard);

        Assert.Equal(new CounterState(4, 4, 0), await StateOf(partition, key));
        Assert.Equal(4, partition.Delivered);
    }

    [Theory]
    [InlineData(ClusterFixture.Partition)]
    [InlineData(ClusterFixture.LazyPartition)]
    public async Task OR14_CommandArrivingWhileTheDrainIsBusy_WaitsBehindIt_AndIsAcknowledgedInOrder(string name)
    {
        var key = $"or14-{name}";
        var partition = Partition(name);
        var work = await StartLaterWorkAsync(partition, key, hold: true);

        var third = partition.SendAsync(key, new Add(3));
        await AssertQueuedBehindDrainAsync(work, third);

        work.Hold!.Set();
        await third.WaitAsync(Guard);
        Assert.True(work.Counted.Task.IsCompleted);
        await partition.SendAsync(key, new Add(4)).WaitAsync(Guard);

        Assert.Equal(new CounterState(4, 4, 0), await StateOf(partition, key));
        Assert.Equal(0, partition.Failed);
    }

    [Theory]
    [InlineData(ClusterFixture.Partition)]
    [InlineData(ClusterFixture.LazyPartition)]
    public async Task OR15_AtMostOnce_HandlerThrowingOnTheSlowPath_FaultsTheSend_AndTheKeyKeepsWorking(string name)
    {
        var key = $"or15-{name}";
        var partition = Partition(name, DeliveryGuarantee.AtMostOnce);
        var work = await StartLaterWorkAsync(partition, key, hold: true);

        var failing = partition.SendAsync(key, new FailOnce($"{key}-a"));
        await AssertQueuedBehindDrainAsync(work, failing);

        work.Hold!.Set();
        var ex = await Assert.ThrowsAsync<KeyedTonicException>(() => failing.WaitAsync(Guard));
        Assert.Contains($"transient failure of {key}-a", ex.Message, StringComparison.Ordinal);
        await partition.SendAsync(key, new Add(3)).WaitAsync(Guard);

        Assert.Equal(new CounterState(3, 3, 0), await StateOf(partition, key));
        Assert.Equal(1, partition.Failed);
        Assert.Equal(0, partition.Retries);
        Assert.Equal(3, partition.Delivered);
    }

    [Theory]
    [InlineData(ClusterFixture.Partition)]
    [InlineData(ClusterFixture.LazyPartition)]
    public async Task OR16_DeactivationWhileTheDrainIsBusy_SavesTheStateAfterTheDrain_AndTheKeyResumesFromIt(string name)
    {
        var key = $"or16-{name}";
        var partition = Partition(name);
        var work = await StartLaterWorkAsync(partition, key, hold: true);

        // the deactivation's final snapshot queues behind the blocked delivery
        await partition.PassivateAsync(key).WaitAsync(Guard);
        Assert.True(await Task.Run(() => SpinWait.SpinUntil(() => work.Catalyst!.QueuedWorkOrders > 0, Guard)),
            "the deactivation never queued its snapshot");
        work.Hold!.Set();
        await partition.SendAsync(key, new Add(3)).WaitAsync(Guard);

        Assert.Equal(new CounterState(3, 3, 0), await StateOf(partition, key));
        Assert.Equal(2, CounterTonic.Activations[key]);
    }

    [Theory]
    [InlineData(ClusterFixture.Partition)]
    [InlineData(ClusterFixture.LazyPartition)]
    public async Task OR17_PayloadThatDoesNotDecode_FailsWithKeyedTonicException_AndTheKeyKeepsWorking(string name)
    {
        var key = $"or17-{name}";
        var grain = fixture.Cluster.Client.GetGrain<IKeyedTonicGrain>($"{name}/{key}");
        var notAnAdd = MessagePackSerializer.Serialize("not an Add", ContractlessStandardResolver.Options);
        var ex = await Assert.ThrowsAsync<KeyedTonicException>(() =>
            grain.Deliver(CommandFrame.Of(HandlerId.For<Add>(), notAnAdd, Guid.NewGuid(), 0, deduplicate: false)).AsTask().WaitAsync(Guard));
        Assert.Contains("could not be decoded", ex.Message, StringComparison.Ordinal);

        var partition = Partition(name, DeliveryGuarantee.AtMostOnce);
        await partition.SendAsync(key, new Add(1)).WaitAsync(Guard);
        Assert.Equal(new CounterState(1, 1, 0), await StateOf(partition, key));
    }

    [Fact]
    public async Task OR18_AtMostOnce_HandlerThrowingOnATurnWithNoAcknowledgementStep_FaultsTheSend_AndTheKeyKeepsWorking()
    {
        var partition = Partition(ClusterFixture.LazyPartition, DeliveryGuarantee.AtMostOnce);
        var ex = await Assert.ThrowsAsync<KeyedTonicException>(() => partition.SendAsync("or18", new FailOnce("or18-a")).WaitAsync(Guard));
        Assert.Contains("transient failure of or18-a", ex.Message, StringComparison.Ordinal);
        await partition.SendAsync("or18", new Add(1)).WaitAsync(Guard);
        await partition.SendAsync("or18", new Add(2)).WaitAsync(Guard);

        Assert.Equal(new CounterState(2, 2, 0), await StateOf(partition, "or18"));
        Assert.Equal(1, partition.Failed);
        Assert.Equal(2, partition.Delivered);
    }

    [Theory]
    [InlineData(ClusterFixture.Partition)]
    [InlineData(ClusterFixture.LazyPartition)]
    public async Task OR19_HandlerThatQueuesWorkThenThrows_FaultsTheSend_TheQueuedWorkStillRunsBeforeLaterCommands(string name)
    {
        var key = $"or19-{name}";
        var partition = Partition(name, DeliveryGuarantee.AtMostOnce);
        await partition.SendAsync(key, new Add(1)).WaitAsync(Guard);
        var ex = await Assert.ThrowsAsync<KeyedTonicException>(() => partition.SendAsync(key, new TakeThenFail(2)).WaitAsync(Guard));
        Assert.Contains("failed after queuing 2", ex.Message, StringComparison.Ordinal);

        // what the failed handler queued is left to the loop's drain; the next command runs after it
        await partition.SendAsync(key, new Add(3)).WaitAsync(Guard);

        Assert.Equal(new CounterState(3, 3, 0), await StateOf(partition, key));
        Assert.Equal(1, partition.Failed);
        Assert.Equal(2, partition.Delivered);
    }
}

using System.Diagnostics;
using MessagePack;
using MessagePack.Resolvers;
using Xunit.Abstractions;

namespace TaskTonic.Dataflow.Orleans.Tests;

[Collection(ClusterGroup.Name)]
public sealed class KeyedTonicClusterTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(45);

    private OrleansPartition<string> Partition(DeliveryGuarantee guarantee = DeliveryGuarantee.AtLeastOnceDeduplicated) =>
        new(fixture.Cluster.Client, ClusterFixture.Partition,
            new OrleansPartitionOptions { Guarantee = guarantee, RetryDelay = TimeSpan.Zero });

    [Fact]
    public async Task OR01_TenThousandKeyedMessagesOverThreeSilos_PerKeyOrderKept_NothingLost()
    {
        const int messages = 10_000;
        const int keys = 200;
        var partition = Partition();
        var clock = Stopwatch.StartNew();
        var sends = new Task[messages];
        for (var i = 0; i < messages; i++)
        {
            sends[i] = partition.For($"or01-{i % keys}").SendAsync(new Add((i / keys) + 1));
        }

        await Task.WhenAll(sends).WaitAsync(Guard);
        clock.Stop();
        output.WriteLine($"{messages} messages over {keys} keys on 3 silos in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(messages, partition.Delivered);
        Assert.Equal(0, partition.Failed);
        for (var k = 0; k < keys; k++)
        {
            var state = await partition.SnapshotAsync<CounterState>($"or01-{k}").WaitAsync(Guard);
            Assert.Equal(new CounterState(messages / keys, messages / keys, 0), state);
        }
    }

    [Fact]
    public async Task OR02_PassivatedKey_IsRestoredFromGrainStorage()
    {
        var partition = Partition();
        var key = "or02";
        for (var n = 1; n <= 5; n++)
        {
            await partition.SendAsync(key, new Add(n)).WaitAsync(Guard);
        }

        await partition.PassivateAsync(key).WaitAsync(Guard);
        for (var n = 6; n <= 10; n++)
        {
            await partition.SendAsync(key, new Add(n)).WaitAsync(Guard);
        }

        var state = await partition.SnapshotAsync<CounterState>(key).WaitAsync(Guard);
        Assert.Equal(new CounterState(10, 10, 0), state);
        Assert.Equal(2, CounterTonic.Activations[key]); // a second tonic, restored from storage, took the last five
    }

    [Fact]
    public async Task OR03_AtLeastOnce_TransientHandlerFailure_IsRetriedAndApplied()
    {
        var partition = Partition(DeliveryGuarantee.AtLeastOnce);
        await partition.SendAsync("or03", new FailOnce("or03-a")).WaitAsync(Guard);
        await partition.SendAsync("or03", new Add(1)).WaitAsync(Guard);

        Assert.Equal(1, partition.Retries);
        Assert.Equal(2, partition.Delivered);
        Assert.Equal(0, partition.Failed);
        Assert.Equal(2, (await partition.SnapshotAsync<CounterState>("or03").WaitAsync(Guard))!.Count);
    }

    [Fact]
    public async Task OR04_AtMostOnce_TransientHandlerFailure_IsCountedAndNotRetried()
    {
        var partition = Partition(DeliveryGuarantee.AtMostOnce);
        await Assert.ThrowsAsync<KeyedTonicException>(() => partition.SendAsync("or04", new FailOnce("or04-a")).WaitAsync(Guard));
        await partition.SendAsync("or04", new Add(1)).WaitAsync(Guard);

        Assert.Equal(0, partition.Retries);
        Assert.Equal(1, partition.Failed);
        Assert.Equal(1, partition.Delivered);
        Assert.Equal(1, (await partition.SnapshotAsync<CounterState>("or04").WaitAsync(Guard))!.Count);
    }

    [Fact]
    public async Task OR20_SequenceTableBetweenCheckpoints_SurvivesPassivation()
    {
        // the lazy partition checkpoints every 1,000 commands: the sender's last sequence is only in the grain until it deactivates
        var key = "or20";
        var grain = fixture.Cluster.Client.GetGrain<IKeyedTonicGrain>($"{ClusterFixture.LazyPartition}/{key}");
        var payload = MessagePackSerializer.Serialize(new Add(1), ContractlessStandardResolver.Options);
        var sender = Guid.NewGuid();
        Task Deliver() => grain.Deliver(CommandFrame.Of(HandlerId.For<Add>(), payload, sender, 1, deduplicate: true)).AsTask().WaitAsync(Guard);

        await Deliver();
        await grain.Passivate().WaitAsync(Guard);

        await Assert.ThrowsAsync<DuplicateCommandException>(Deliver); // reactivated from storage: still a duplicate
        var state = await new OrleansPartition<string>(fixture.Cluster.Client, ClusterFixture.LazyPartition)
            .SnapshotAsync<CounterState>(key).WaitAsync(Guard);
        Assert.Equal(1, state!.Count);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task OR05_SameSequenceDeliveredTwice_IsDroppedOnlyWhenDeduplicating(bool deduplicate, int expectedCount)
    {
        var key = $"or05-{deduplicate}";
        var grain = fixture.Cluster.Client.GetGrain<IKeyedTonicGrain>($"{ClusterFixture.Partition}/{key}");
        var payload = MessagePackSerializer.Serialize(new Add(1), ContractlessStandardResolver.Options);
        var sender = Guid.NewGuid();
        Task Deliver() => grain.Deliver(CommandFrame.Of(HandlerId.For<Add>(), payload, sender, 1, deduplicate)).AsTask().WaitAsync(Guard);

        await Deliver();
        var second = await Record.ExceptionAsync(Deliver);
        Assert.Equal(deduplicate, second is DuplicateCommandException);
        Assert.True(deduplicate || second is null);
        var state = await new OrleansPartition<string>(fixture.Cluster.Client, ClusterFixture.Partition)
            .SnapshotAsync<CounterState>(key).WaitAsync(Guard);
        Assert.Equal(expectedCount, state!.Count);
    }

    [Fact]
    public async Task OR06_UnknownMessageType_FailsWithClearException()
    {
        var partition = new OrleansPartition<string>(fixture.Cluster.Client, ClusterFixture.Partition,
            new OrleansPartitionOptions { Guarantee = DeliveryGuarantee.AtMostOnce });
        var ex = await Assert.ThrowsAsync<KeyedTonicException>(() => partition.SendAsync("or06", new NotHandled(1)).WaitAsync(Guard));
        Assert.Contains($"#{HandlerId.For<NotHandled>():X16}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no handler", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, partition.Failed);
    }
}

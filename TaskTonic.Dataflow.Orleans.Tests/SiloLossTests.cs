using Orleans.TestingHost;

namespace TaskTonic.Dataflow.Orleans.Tests;

[Collection(ClusterGroup.Name)]
public sealed class SiloLossTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task OR07_SiloStoppedMidRun_ItsKeysReactivateElsewhereFromStorage_NothingLostOrDoubled()
    {
        const int keys = 60;
        const int rounds = 20;
        var extra = await fixture.Cluster.StartAdditionalSiloAsync().WaitAsync(Guard);
        var partition = new OrleansPartition<string>(fixture.Cluster.Client, ClusterFixture.Partition,
            new OrleansPartitionOptions { RetryDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 10 });
        var sends = new List<Task>();
        for (var round = 1; round <= rounds; round++)
        {
            for (var k = 0; k < keys; k++)
            {
                sends.Add(partition.SendAsync($"or07-{k}", new Add(round)));
            }

            if (round == rounds / 2)
            {
                await Task.WhenAll(sends).WaitAsync(Guard); // the first half reached the four silos, some keys on the extra one
                await fixture.Cluster.StopSiloAsync(extra).WaitAsync(Guard);
            }
        }

        await Task.WhenAll(sends).WaitAsync(Guard);
        Assert.Equal(0, partition.Failed);
        Assert.Equal(keys * rounds, partition.Delivered + partition.Duplicates);
        for (var k = 0; k < keys; k++)
        {
            var state = await partition.SnapshotAsync<CounterState>($"or07-{k}").WaitAsync(Guard);
            Assert.True(new CounterState(rounds, rounds, 0) == state, $"or07-{k}: {state}");
        }

        // at least one key lived on the stopped silo and came back as a new tonic, restored from grain storage
        Assert.Contains(Enumerable.Range(0, keys), k => CounterTonic.Activations[$"or07-{k}"] >= 2);
    }
}

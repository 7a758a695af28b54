using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>
/// A fourth silo joins, takes part of the keys, and leaves mid-run: stopped gracefully (its grains deactivate and save)
/// or killed (nothing saved at the end; only the per-message checkpoints are in storage). Either way its keys reactivate
/// on the other silos from grain storage; under <see cref="DeliveryGuarantee.AtLeastOnceDeduplicated"/> with a
/// checkpoint per message every key ends with exactly its messages, in order; retries and dropped duplicates are counted.
/// </summary>
[Collection(ClusterGroup.Name)]
public sealed class SiloLossTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Keys = 60;
    private const int Rounds = 20;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    [Fact]
    public Task OR07_SiloStoppedMidRun_ItsKeysReactivateElsewhereFromStorage_NothingLostOrDoubled() =>
        RunWithSiloLoss("or07", (cluster, silo) => cluster.StopSiloAsync(silo));

    [Fact]
    public Task OR09_SiloKilledMidRun_ItsKeysReactivateElsewhereFromCheckpoints_NothingLostOrDoubled() =>
        RunWithSiloLoss("or09", (cluster, silo) => cluster.KillSiloAsync(silo));

    [Fact]
    public async Task OR12_SiloStoppedGracefully_SavesEachKeysLatestStateOnDeactivation_BetweenCheckpoints()
    {
        // The int partition checkpoints every 100 messages: 10 per key leave nothing in storage but the final save the
        // grain makes when the silo deactivates it. That save needs the silo's formula still running at silo stop.
        const int firstKey = 2_000_000;
        const int keys = 40;
        const int messages = 10;
        var extra = await fixture.Cluster.StartAdditionalSiloAsync().WaitAsync(Guard);
        var partition = new OrleansPartition<int>(fixture.Cluster.Client, ClusterFixture.IntPartition);
        for (var n = 1; n <= messages; n++)
        {
            await Task.WhenAll(Enumerable.Range(firstKey, keys).Select(k => partition.SendAsync(k, new Add(n)))).WaitAsync(Guard);
        }

        var extraLedger = fixture.Cluster.GetSiloServiceProvider(extra.SiloAddress).GetRequiredService<Formula>().Ledger;
        var onExtra = Enumerable.Range(firstKey, keys)
            .Where(k => ReferenceEquals(CounterTonic.Homes[k.ToString(System.Globalization.CultureInfo.InvariantCulture)], extraLedger)).ToList();
        output.WriteLine($"or12: {onExtra.Count} of {keys} keys on the silo that stops");
        Assert.True(onExtra.Count > 0, "placement put no key on the extra silo: the test would prove nothing");

        await fixture.Cluster.StopSiloAsync(extra).WaitAsync(Guard);
        foreach (var k in onExtra)
        {
            var state = await partition.SnapshotAsync<CounterState>(k).WaitAsync(Guard);
            Assert.True(new CounterState(messages, messages, 0) == state, $"key {k} after the graceful stop: {state}");
        }
    }

    private async Task RunWithSiloLoss(string prefix, Func<TestCluster, SiloHandle, Task> leave)
    {
        var extra = await fixture.Cluster.StartAdditionalSiloAsync().WaitAsync(Guard);
        var partition = new OrleansPartition<string>(fixture.Cluster.Client, ClusterFixture.Partition,
            new OrleansPartitionOptions { RetryDelay = TimeSpan.FromMilliseconds(100), MaxAttempts = 30 });
        // round 1 activates every key (some on the extra silo); the other rounds are all in flight when the silo leaves
        var sends = Enumerable.Range(0, Keys).Select(k => partition.SendAsync($"{prefix}-{k}", new Add(1))).ToList();
        await Task.WhenAll(sends).WaitAsync(Guard);
        var extraLedger = fixture.Cluster.GetSiloServiceProvider(extra.SiloAddress).GetRequiredService<Formula>().Ledger;
        var onExtra = Enumerable.Range(0, Keys).Count(k => ReferenceEquals(CounterTonic.Homes[$"{prefix}-{k}"], extraLedger));
        output.WriteLine($"{prefix}: {onExtra} of {Keys} keys on the silo that leaves");
        Assert.True(onExtra > 0, "placement put no key on the extra silo: the test would prove nothing");

        for (var round = 2; round <= Rounds; round++)
        {
            for (var k = 0; k < Keys; k++)
            {
                sends.Add(partition.SendAsync($"{prefix}-{k}", new Add(round)));
            }
        }

        var half = new TaskCompletionSource();
        var acknowledged = 0;
        foreach (var send in sends)
        {
            _ = send.ContinueWith(_ =>
            {
                if (Interlocked.Increment(ref acknowledged) == Keys * Rounds / 2)
                {
                    half.TrySetResult();
                }
            }, TaskScheduler.Default);
        }

        await half.Task.WaitAsync(Guard);
        await leave(fixture.Cluster, extra).WaitAsync(Guard);
        await Task.WhenAll(sends).WaitAsync(Guard);
        output.WriteLine($"{prefix}: delivered {partition.Delivered}, duplicates dropped {partition.Duplicates}, retries {partition.Retries}, failed {partition.Failed}");
        Assert.Equal(0, partition.Failed);
        Assert.Equal(Keys * Rounds, partition.Delivered + partition.Duplicates);
        for (var k = 0; k < Keys; k++)
        {
            var state = await partition.SnapshotAsync<CounterState>($"{prefix}-{k}").WaitAsync(Guard);
            Assert.True(new CounterState(Rounds, Rounds, 0) == state, $"{prefix}-{k}: {state}");
        }

        // at least one key lived on the lost silo and came back as a new tonic, restored from grain storage
        Assert.Contains(Enumerable.Range(0, Keys), k => CounterTonic.Activations[$"{prefix}-{k}"] >= 2);
    }
}

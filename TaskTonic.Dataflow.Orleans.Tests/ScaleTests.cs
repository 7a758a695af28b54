using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace TaskTonic.Dataflow.Orleans.Tests;

[Collection(ClusterGroup.Name)]
public sealed class ScaleTests(ClusterFixture fixture, ITestOutputHelper output)
{
    /// <summary>The message count of OR08; TASKTONIC_ORLEANS_MESSAGES overrides it (e.g. smaller on a slow machine).</summary>
    public const int DefaultMessages = 100_000;

    private const int Keys = 1_000;
    private const int Batch = 20_000;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    private static int Messages =>
        int.TryParse(Environment.GetEnvironmentVariable("TASKTONIC_ORLEANS_MESSAGES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= Keys
            ? n / Keys * Keys
            : DefaultMessages;

    [Fact]
    public async Task OR08_HundredThousandKeyedMessagesOverThreeSilos_PerKeyOrderKept_NothingLost()
    {
        var messages = Messages;
        var perKey = messages / Keys;
        var partition = new OrleansPartition<int>(fixture.Cluster.Client, ClusterFixture.IntPartition,
            new OrleansPartitionOptions { RetryDelay = TimeSpan.Zero });
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < messages; start += Batch)
        {
            // a batch holds every key several times in a row: per-key chains inside, all keys in flight together
            var end = Math.Min(messages, start + Batch);
            var sends = new Task[end - start];
            for (var i = start; i < end; i++)
            {
                sends[i - start] = partition.For(i % Keys).SendAsync(new Add((i / Keys) + 1));
            }

            await Task.WhenAll(sends).WaitAsync(Guard);
        }

        clock.Stop();
        output.WriteLine($"{messages} messages over {Keys} keys on 3 silos in {clock.ElapsedMilliseconds} ms ({messages / clock.Elapsed.TotalSeconds:F0} msg/s)");

        Assert.Equal(messages, partition.Delivered);
        Assert.Equal(0, partition.Failed + partition.Duplicates);
        var states = await Task.WhenAll(Enumerable.Range(0, Keys).Select(k => partition.SnapshotAsync<CounterState>(k))).WaitAsync(Guard);
        Assert.All(states, state => Assert.Equal(new CounterState(perKey, perKey, 0), state));
    }
}

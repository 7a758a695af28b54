using Microsoft.Extensions.DependencyInjection;
using TaskTonic.Dataflow.Recording;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Orleans.Tests;

[Collection(ClusterGroup.Name)]
public sealed class RecordingTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task OR10_RecordingOfOneKeyMadeOnTheCluster_ReplaysInTheDistiller_ToTheSameState()
    {
        const string key = CounterTonic.NamedPrefix + "or10";
        const int messages = 50;
        var formulas = fixture.Cluster.GetActiveSilos()
            .Select(silo => fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<Formula>()).ToList();
        var streams = formulas.Select(_ => new MemoryStream()).ToList();
        var recorders = formulas.Select((formula, i) =>
            Recorder.Attach(formula.Ledger, streams[i], new RecordingOptions { Tonics = [key], LeaveOpen = true })).ToList();
        CounterState? live;
        try
        {
            var partition = new OrleansPartition<string>(fixture.Cluster.Client, ClusterFixture.Partition);
            var sends = Enumerable.Range(1, messages).Select(n => partition.SendAsync(key, new Add(n))).ToList();
            await Task.WhenAll(sends).WaitAsync(Guard);
            live = await partition.SnapshotAsync<CounterState>(key).WaitAsync(Guard);
            Assert.Equal(messages, partition.Delivered);
        }
        finally
        {
            recorders.ForEach(r => r.Dispose());
        }

        Assert.All(recorders, r => Assert.Null(r.WriteFailure));
        var recordings = streams.Select(s =>
        {
            s.Position = 0;
            return SparkleRecording.Read(s);
        }).ToList();
        var recording = Assert.Single(recordings, r => r.Records.Any(w => w.IsReplayable)); // the key lived on one silo

        var distiller = new Distiller();
        CounterTonic? replayed = null;
        distiller.Formula.AddStartingTonic(() => replayed = new CounterTonic(key, new TonicOptions()));
        var result = Replayer.Replay(recording, distiller);

        Assert.Equal(messages, result.Injected);
        Assert.Equal(0, result.Undelivered);
        Assert.Equal(new CounterState(messages, messages, 0), live);
        Assert.Equal(live, replayed!.Counter);
    }
}

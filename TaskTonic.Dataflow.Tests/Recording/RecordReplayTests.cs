using TaskTonic.Dataflow.Recording;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.Testing;

namespace TaskTonic.Dataflow.Tests.Recording;

public sealed class RecordReplayTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> s_runtimeWork = ["_ttss__on_start", "_ttss__on_infusion_completed", "_ttss__remove_tonic_from_catalyst",
        "_ttss__callback", "_ttss__move", "_ttss__move_completed", "tts__callback"];

    private static async Task<(RelayHub Hub, MemoryStream Stream, long Records)> RecordRealRun(int items, RecordingOptions? options = null)
    {
        var stream = new MemoryStream();
        var formula = new Formula();
        RelayHub? hub = null;
        formula.AddStartingTonic(() => hub = new RelayHub(items));
        long records;
        using (var recorder = Recorder.Attach(formula.Ledger, stream, options ?? new RecordingOptions { LeaveOpen = true }))
        {
            var run = formula.RunAsync();
            for (var i = 0; i < items; i++)
            {
                hub!.Submit(i, $"item {i}");
            }

            await run.WaitAsync(s_safety);
            records = recorder.RecordCount;
            Assert.Null(recorder.WriteFailure);
        }

        stream.Position = 0;
        return (hub!, stream, records);
    }

    private static IReadOnlyList<string> Replayable(IEnumerable<SparkleTrace> trace, string tonic) =>
        [.. trace.WorkOrdersOf(tonic).Where(s => !s_runtimeWork.Contains(s))];

    [Fact]
    public async Task A_run_on_the_thread_pool_replays_in_the_distiller_with_the_same_state_and_per_tonic_sparkles()
    {
        var (hub, stream, records) = await RecordRealRun(items: 40);
        var recording = SparkleRecording.Read(stream);
        Assert.Equal(records, recording.Records.Count);

        var distiller = new Distiller();
        RelayHub? replayed = null;
        distiller.Formula.AddStartingTonic(() => replayed = new RelayHub(40));
        var result = Replayer.Replay(recording, distiller);

        Assert.True(result.Final.StoppedBecause(StopReasons.CatalystFinished), result.Final.ToString());
        Assert.True(replayed!.IsCompleted);
        Assert.Equal(hub.Results, replayed.Results);
        Assert.Equal(hub.History, replayed.History);
        Assert.Equal(hub.Ticks, replayed.Ticks);
        Assert.Equal(hub.W1!.Seen, replayed.W1!.Seen);
        Assert.Equal(hub.W2!.Seen, replayed.W2!.Seen);
        Assert.Equal(hub.StateName, replayed.StateName);
        Assert.True(result.Suppressed > 0);
        foreach (var tonic in new[] { "hub", "w1", "w2" })
        {
            var expected = recording.WorkOrdersOf(tonic, replayableOnly: true);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Replayable(result.Trace, tonic));
        }

        Assert.Contains("_ttss__timer_expired", recording.WorkOrdersOf("hub"));
        Assert.Contains("ttsc__finish", recording.WorkOrdersOf("w1"));
    }

    [Fact]
    public async Task Replaying_twice_gives_the_same_trace()
    {
        var (_, stream, _) = await RecordRealRun(items: 10);
        var recording = SparkleRecording.Read(stream);

        IReadOnlyList<string> Replay()
        {
            var distiller = new Distiller();
            distiller.Formula.AddStartingTonic(() => new RelayHub(10));
            return Replayer.Replay(recording, distiller).Trace.ToCanonicalStrings();
        }

        Assert.Equal(Replay(), Replay());
    }

    [Fact]
    public async Task Only_the_chosen_tonics_and_catalysts_are_recorded()
    {
        var (_, byTonic, _) = await RecordRealRun(4, new RecordingOptions { Tonics = ["w1"], LeaveOpen = true });
        var (_, byCatalyst, _) = await RecordRealRun(4, new RecordingOptions { Catalysts = ["c2"], LeaveOpen = true });

        Assert.Equal(["w1"], SparkleRecording.Read(byTonic).TonicNames);
        Assert.Equal(["c2", "w2"], SparkleRecording.Read(byCatalyst).TonicNames.Order());
    }

    [Fact]
    public async Task A_recording_that_does_not_fit_the_tree_is_refused_with_a_clear_error()
    {
        var (_, stream, _) = await RecordRealRun(items: 2);
        var recording = SparkleRecording.Read(stream);
        var distiller = new Distiller();

        var error = Assert.Throws<ReplayException>(() => Replayer.Replay(recording, distiller));

        Assert.Contains("targets tonic 'hub'", error.Message, StringComparison.Ordinal);
        Assert.Null(distiller.PostFilter);
    }

    [Fact]
    public async Task A_recording_written_to_a_file_loads_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tasktonic-{Guid.NewGuid():N}.ttrec");
        try
        {
            var formula = new Formula();
            RelayHub? hub = null;
            formula.AddStartingTonic(() => hub = new RelayHub(3));
            using (Recorder.Attach(formula.Ledger, path))
            {
                var run = formula.RunAsync();
                for (var i = 0; i < 3; i++)
                {
                    hub!.Submit(i, "x");
                }

                await run.WaitAsync(s_safety);
            }

            var recording = SparkleRecording.Load(path);
            Assert.Equal(SparkleRecording.CurrentVersion, recording.Version);
            Assert.Equal("tasktonic app", recording.ProjectName);
            Assert.StartsWith("TaskTonic.Dataflow ", recording.Writer, StringComparison.Ordinal);
            Assert.Equal(3, recording.Records.Count(r => r.Sparkle == "ttsc__submit"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

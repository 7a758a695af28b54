using TaskTonic.Dataflow.Recording;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// A long timer's step wake-ups are recorded as timer work orders that did not raise, so a replay skips them and
/// raises the handler once, at the recorded instant.
/// </summary>
public sealed partial class LongDelayRecordingTests
{
    private static readonly TimeSpan HundredDays = TimeSpan.FromDays(100);

    private sealed partial class Sleeper : Tonic
    {
        public Sleeper()
            : base("sleeper")
        {
        }

        public List<DateTimeOffset> Woke { get; } = [];

        private void ttse__on_start() => _ = new SingleShotTimer(HundredDays, name: "wake");

        private void ttse__on_wake(TimerInfo info) => Woke.Add(info.ScheduledAt);
    }

    [Fact]
    public void LD30_a_100_day_timer_records_its_steps_as_not_raised_and_replays_one_firing_at_its_instant()
    {
        var recorded = new Distiller();
        var origin = recorded.Clock.GetUtcNow();
        using var stream = new MemoryStream();
        using (Recorder.Attach(recorded.Ledger, stream, new RecordingOptions { LeaveOpen = true, Tonics = ["sleeper"] }))
        {
            var sleeper = recorded.Spawn(() => new Sleeper());
            recorded.RunUntilSparkle("ttse__on_wake", HundredDays * 2);
            Assert.Equal([origin + HundredDays], sleeper.Woke);
            sleeper.Finish();
            recorded.RunUntilIdle();
        }

        var recording = SparkleRecording.Read(new MemoryStream(stream.ToArray()));
        var timers = recording.Records.Where(r => r.Kind == RecordKind.Timer).ToList();
        Assert.Equal([false, false, true], timers.Select(r => r.TimerDue));
        Assert.Equal(HundredDays, timers[^1].At - recording.StartedAt);

        var replayed = new Distiller();
        Sleeper? twin = null;
        replayed.Formula.AddStartingTonic(() => twin = new Sleeper());
        Replayer.Replay(recording, replayed);

        Assert.Equal([origin + HundredDays], twin!.Woke);
    }
}

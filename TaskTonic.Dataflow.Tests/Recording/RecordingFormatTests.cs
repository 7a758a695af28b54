using TaskTonic.Dataflow.Recording;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Recording;

public sealed partial class RecordingFormatTests
{
    [TonicStates("idle", "busy")]
    private sealed partial class Gadget : Tonic
    {
        public Gadget()
            : base("gadget")
        {
        }

        public List<string> Seen { get; } = [];

        private void ttse__on_start()
        {
            _ = new SingleShotTimer(TimeSpan.FromSeconds(1), name: "beep");
            ToState(States.Idle);
        }

        private void ttsc__put(string key, List<int> values, Gadget? peer) => Seen.Add($"{key}={string.Join(",", values)} {peer?.Name}");

        private void ttse__on_beep() => Seen.Add("beep");

        private void ttsc__call([PassByReference] Action action) => action();
    }

    private static (SparkleRecording Recording, byte[] Bytes, Recorder Recorder) RecordGadget(bool withCallback)
    {
        var distiller = new Distiller();
        using var stream = new MemoryStream();
        var recorder = Recorder.Attach(distiller.Ledger, stream, new RecordingOptions { LeaveOpen = true, Tonics = ["gadget"] });
        var gadget = distiller.Spawn(() => new Gadget());
        gadget.Put("k", [1, 2], gadget);
        gadget.RequestState("busy", forceReenter: true);
        if (withCallback)
        {
            gadget.Call(() => { });
        }

        distiller.RunUntilSparkle("ttse__on_beep");
        gadget.Finish();
        distiller.RunUntilIdle();
        recorder.Dispose();
        var bytes = stream.ToArray();
        return (SparkleRecording.Read(new MemoryStream(bytes)), bytes, recorder);
    }

    private static byte[] ValidBytes() => RecordGadget(withCallback: false).Bytes;

    [Fact]
    public void The_checksum_is_crc32c()
    {
        Assert.Equal(0xE3069283u, RecordingFormat.Crc32C("123456789"u8));
        Assert.Equal(0u, RecordingFormat.Crc32C([]));
    }

    [Fact]
    public void A_recording_starts_with_the_magic_and_version_and_holds_every_work_order_kind()
    {
        var (recording, bytes, recorder) = RecordGadget(withCallback: true);

        Assert.Equal("TTRECORD"u8.ToArray(), bytes[..8]);
        Assert.Equal(new byte[] { 1, 0 }, bytes[8..10]);
        Assert.Equal(1, recorder.UnrecordedArguments);
        Assert.Equal(recorder.RecordCount, recording.Records.Count);
        Assert.Equal(
            [RecordKind.Start, RecordKind.Sparkle, RecordKind.StateRequest, RecordKind.Sparkle, RecordKind.Timer, RecordKind.Finish],
            recording.Records.Select(r => r.Kind));
        var put = recording.Records[1];
        Assert.Equal(("gadget", "ttsc__put", null, string.Empty), (put.TonicName, put.Sparkle, put.SourceTonicName, put.SourceSparkle));
        // A tonic argument is stored by name, so it also decodes as a string.
        var (key, values, peer) = ((string, List<int>, string))ArgumentCodec.Decode(put.Arguments!.Value, [typeof(string), typeof(List<int>), typeof(string)], _ => null)!;
        Assert.Equal(("k", "gadget"), (key, peer));
        Assert.Equal([1, 2], values);
        var state = recording.Records[2];
        Assert.Equal(("busy", true), (state.TargetState, state.ForceReenter));
        Assert.Equal("beep", recording.Records[4].TimerName);
        Assert.Null(recording.Records[3].Arguments);
        Assert.StartsWith("System.Action", recording.Records[3].ArgumentsText, StringComparison.Ordinal);
        Assert.All(recording.Records, r => Assert.Equal("gadget", r.TonicName));
    }

    [Fact]
    public void A_recording_with_arguments_that_could_not_be_recorded_is_refused_before_anything_is_replayed()
    {
        var (recording, _, _) = RecordGadget(withCallback: true);
        var distiller = new Distiller();
        distiller.Formula.AddStartingTonic(() => new Gadget());

        var error = Assert.Throws<ReplayException>(() => Replayer.Replay(recording, distiller));

        Assert.Contains("could not be recorded", error.Message, StringComparison.Ordinal);
        Assert.Empty(distiller.Trace);
    }

    [Fact]
    public void A_gadget_recording_replays_into_the_same_state()
    {
        var (recording, _, _) = RecordGadget(withCallback: false);
        var distiller = new Distiller();
        Gadget? gadget = null;
        distiller.Formula.AddStartingTonic(() => gadget = new Gadget());

        var result = Replayer.Replay(recording, distiller);

        Assert.Equal(["k=1,2 gadget", "beep"], gadget!.Seen);
        Assert.True(gadget.IsCompleted);
        Assert.Equal(["ttsc__put", "ttsc__to_state", "_ttss__timer_expired", "ttsc__finish"],
            result.Trace.WorkOrdersOf("gadget").Where(s => s != "_ttss__on_start"));
        Assert.Equal(["idle", "busy", Tonic.NoStateName], distiller.StateHistory(gadget));
    }

    [Theory]
    [InlineData(0, "older format")]
    [InlineData(2, "newer than this reader supports")]
    [InlineData(0xFFFF, "newer than this reader supports")]
    public void An_unknown_format_version_is_refused(ushort version, string message)
    {
        var bytes = ValidBytes();
        bytes[8] = (byte)version;
        bytes[9] = (byte)(version >> 8);

        var error = Assert.Throws<RecordingFormatException>(() => SparkleRecording.Read(new MemoryStream(bytes)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Something_else_is_not_a_recording()
    {
        Assert.Contains("empty", Assert.Throws<RecordingFormatException>(() => SparkleRecording.Read(new MemoryStream())).Message, StringComparison.Ordinal);
        var json = Assert.Throws<RecordingFormatException>(() => SparkleRecording.Read(new MemoryStream("{\"traceEvents\":[]}"u8.ToArray())));
        Assert.Contains("not a TaskTonic recording", json.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_is_a_clear_error()
    {
        var bytes = ValidBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            var seekable = Assert.Throws<RecordingFormatException>(() => SparkleRecording.Read(new MemoryStream(prefix)));
            var streamed = Assert.Throws<RecordingFormatException>(() => SparkleRecording.Read(new ForwardOnlyStream(prefix)));
            if (length >= 8)
            {
                Assert.Contains("truncated", seekable.Message, StringComparison.Ordinal);
                Assert.Contains("truncated", streamed.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_corrupted_byte_is_a_clear_error()
    {
        var bytes = ValidBytes();
        for (var at = 0; at < bytes.Length; at++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[at] ^= 0x5A;
            var error = Assert.Throws<RecordingFormatException>(() => SparkleRecording.Read(new MemoryStream(corrupt)));
            Assert.True(error.Offset >= 0, error.Message);
        }
    }

    /// <summary>A stream that reads forward only, like a pipe: no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

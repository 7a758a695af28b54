using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Samples.ResponsiveUi;

/// <summary>
/// The seed's Example A without a GUI: a "UI" tonic on a SynchronizationContext catalyst keeps ticking (a 20 ms
/// repeat timer stands in for user events) while a worker catalyst crunches; it records how late each UI sparkle ran.
/// </summary>
public sealed partial class UiTonic : Tonic
{
    private readonly TextWriter _output;
    private readonly int _uiThreadId;
    private readonly List<TimeSpan> _waits = [];
    private int _offThread;

    public UiTonic(TextWriter output, Catalyst ui, int uiThreadId)
        : base(new TonicOptions { Catalyst = ui })
    {
        _output = output;
        _uiThreadId = uiThreadId;
    }

    private void ttse__on_start()
    {
        _output.WriteLine("  [ui] ready; button clicked: starting the heavy job on the worker catalyst.");
        var worker = new Catalyst(new CatalystOptions { Name = "worker", Threading = CatalystThreading.DedicatedThread });
        new Cruncher(worker, chunks: 250).Crunch();
        _ = new RepeatTimer(TimeSpan.FromMilliseconds(20), name: "tick");
    }

    private void ttse__on_tick(TimerInfo info)
    {
        _waits.Add(info.Lateness);
        if (Environment.CurrentManagedThreadId != _uiThreadId)
        {
            _offThread++;
        }
    }

    private void ttse__on_crunch_done(int chunks, double result)
    {
        var sorted = _waits.Order().ToList();
        var p50 = sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
        var max = sorted.Count == 0 ? TimeSpan.Zero : sorted[^1];
        _output.WriteLine($"  [ui] worker finished {chunks} chunks (checksum {result:F1}).");
        _output.WriteLine($"  [ui] {sorted.Count} UI ticks ran meanwhile on the UI thread ({_offThread} elsewhere); wait p50 {p50.TotalMilliseconds:F1} ms, max {max.TotalMilliseconds:F1} ms.");
        Finish();
    }
}

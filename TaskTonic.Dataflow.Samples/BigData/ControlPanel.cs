using System.Diagnostics;
using System.Globalization;

namespace TaskTonic.Dataflow.Samples.BigData;

/// <summary>
/// Stands in for a user interface on the same catalyst as the job: it "clicks" by re-posting a sparkle, notes how
/// many chunks ran between two clicks and how long each click waited, and after some clicks tells the job to stop.
/// </summary>
public sealed partial class ControlPanel : Tonic
{
    private readonly BigDataProcessor _processor;
    private readonly TextWriter _output;
    private readonly int _clicksBeforeStop;
    private readonly Stopwatch _sinceLastClick = new();
    private int _clicks;
    private long _lastProcessed;
    private long _mostItemsBetweenClicks;
    private TimeSpan _longestWait;

    public ControlPanel(BigDataProcessor processor, TextWriter output, int clicksBeforeStop)
    {
        _processor = processor;
        _output = output;
        _clicksBeforeStop = clicksBeforeStop;
    }

    private void ttse__on_start()
    {
        _processor.StartHeavyProcessing();
        _sinceLastClick.Start();
        Click();
    }

    private void ttsc__click()
    {
        var waited = _sinceLastClick.Elapsed;
        _sinceLastClick.Restart();
        _clicks++;
        var processed = _processor.Processed;
        _mostItemsBetweenClicks = Math.Max(_mostItemsBetweenClicks, processed - _lastProcessed);
        _lastProcessed = processed;
        if (_clicks > 1 && waited > _longestWait)
        {
            _longestWait = waited;
        }

        if (_clicks < _clicksBeforeStop)
        {
            Click();
            return;
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Name}] Click {_clicks}: asking the processor to stop (it has processed {processed:N0} items)."));
        _processor.Stop();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{Name}] The catalyst stayed responsive: {_clicks} clicks handled during the job, at most {_mostItemsBetweenClicks:N0} items " +
            $"(one chunk) ran between two clicks, the longest wait for a click was {_longestWait.TotalMilliseconds:0.0} ms."));
        Finish();
    }
}

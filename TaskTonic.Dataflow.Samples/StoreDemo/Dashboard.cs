using TaskTonic.Dataflow;

namespace TaskTonic.Dataflow.Samples.StoreDemo;

/// <summary>Shows sensor values and raises alarms above the configured threshold; every change arrives as a sparkle on its catalyst.</summary>
public sealed partial class Dashboard : Tonic
{
    private readonly TextWriter _output;
    private double _threshold;

    public Dashboard(TextWriter output) => _output = output;

    private void ttse__on_start()
    {
        var store = Ledger.Store;
        store.Subscribe("formula/alarm/threshold", NotifyThreshold, new StoreSubscribeOptions { TriggerNow = true });
        store.Subscribe("sensors/*", NotifyReadings, new StoreSubscribeOptions { Recursive = true, Extract = ["value", "unit"], Exclude = ["sensors/done"] });
        store.Subscribe("hall/temp/value", NotifyHall);
        store.Subscribe("sensors/done", NotifyDone);
    }

    private void ttse__on_threshold(StoreChanges changes)
    {
        _threshold = Convert.ToDouble(changes[^1].NewValue, System.Globalization.CultureInfo.InvariantCulture);
        _output.WriteLine($"[dashboard] alarm threshold is {_threshold} ({changes[^1].Source ?? "run time"})");
    }

    private void ttse__on_readings(StoreChanges changes)
    {
        var line = string.Join(", ", changes.Select(c => $"{c.Path} = {c.Snapshot!["value"] ?? "-"} {c.Snapshot["unit"]}"));
        _output.WriteLine($"[dashboard] {changes.Count} reading(s) from '{changes[0].Source}': {line}");
        foreach (var change in changes)
        {
            if (change.Snapshot!["unit"] is "C" && change.Snapshot["value"] is double v && v > _threshold)
            {
                _output.WriteLine($"[dashboard] ALARM {change.Path}: {v} > {_threshold}");
            }
        }
    }

    private void ttse__on_hall(StoreChanges changes) => _output.WriteLine($"[dashboard] hall (linked) temperature: {changes[^1].NewValue}");

    private void ttse__on_done(StoreChanges changes) => Finish();
}

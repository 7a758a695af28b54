using TaskTonic.Dataflow;

namespace TaskTonic.Dataflow.Samples.StoreDemo;

/// <summary>Writes one reading per sensor each round (one group per round, so subscribers get one batch), then marks the feed done.</summary>
public sealed partial class SensorFeed : Tonic
{
    private static readonly string[] s_sensors = ["temp#", "hum#"];
    private readonly int _rounds;

    public SensorFeed(int rounds) => _rounds = rounds;

    private void ttse__on_start()
    {
        var store = Ledger.Store;
        using (store.Group("feed"))
        {
            foreach (var sensor in s_sensors)
            {
                store.Set($"sensors/{sensor}", sensor.TrimEnd('#'));
                store.Set($"sensors/{sensor.TrimEnd('#')}./unit", sensor.StartsWith('t') ? "C" : "%");
            }
        }

        store.Link("hall/temp", "sensors/temp#0", bubbleEvents: true);
        Round(1);
    }

    private void ttsc__round(int round)
    {
        var store = Ledger.Store;
        using (store.Group("feed"))
        {
            store.Set("sensors/temp#0/value", 20.0 + (round * 4.5));
            store.Set("sensors/hum#0/value", 40.0 + round);
        }

        if (round == 2)
        {
            // Live configuration: the dashboard reacts to the new threshold too.
            store.Set("formula/alarm/threshold", 35.0);
        }

        if (round < _rounds)
        {
            Round(round + 1);
        }
        else
        {
            store.Set("sensors/done", true);
            Finish();
        }
    }
}

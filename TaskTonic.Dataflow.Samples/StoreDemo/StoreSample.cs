using TaskTonic.Dataflow;

namespace TaskTonic.Dataflow.Samples.StoreDemo;

/// <summary>
/// The ledger's store as live configuration and shared state: a sensor feed writes readings, a dashboard tonic reacts
/// to them (delivered as sparkles, batched per group) and to a threshold changed at run time; at the end the store is
/// saved as a MessagePack snapshot and restored into a second store.
/// </summary>
internal static class StoreSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula(new FormulaOptions { Values = new Dictionary<string, object?> { ["alarm/threshold"] = 30.0 } });
        formula.AddStartingTonic(() => new Dashboard(output));
        formula.AddStartingTonic(() => new SensorFeed(rounds: 4));
        await formula.RunAsync();

        var store = formula.Ledger.Store;
        var snapshot = store.SaveSnapshot();
        var copy = new Store();
        copy.RestoreSnapshot(snapshot);
        output.WriteLine($"Snapshot: {snapshot.Length} bytes, {copy.Dump().Count} values restored; " +
            $"hall/temp through its link = {copy.Get<double>("hall/temp/value")}.");
    }
}

namespace TaskTonic.Dataflow.Samples.Layering;

/// <summary>The seed's Example C: tonic layering; finishing the parent finishes its child.</summary>
internal static class LayeringSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula().AddStartingTonic(() => new UpdateManager(output));
        await formula.RunAsync();
        output.WriteLine($"  Live tonics after the run: {formula.Ledger.Count}.");
    }
}

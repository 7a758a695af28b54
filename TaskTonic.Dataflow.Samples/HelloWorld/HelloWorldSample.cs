using TaskTonic.Dataflow;

namespace TaskTonic.Dataflow.Samples.HelloWorld;

/// <summary>Runs a formula with one starting tonic; the run ends when the tonic finishes.</summary>
internal static class HelloWorldSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula().AddStartingTonic(() => new HelloTonic(output));
        await formula.RunAsync();
        output.WriteLine($"Formula status: {formula.Status}; live tonics: {formula.Ledger.Count}.");
    }
}

using System.Diagnostics;
using System.Globalization;

namespace TaskTonic.Dataflow.Samples.BigData;

/// <summary>
/// Example B of the seed article: a million items processed in chunks of 5,000 on one catalyst, while another tonic on
/// the same catalyst keeps getting its sparkles in and cancels the job mid-way. Ends by itself.
/// </summary>
internal static class BigDataSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula();
        BigDataProcessor? processor = null;
        formula.AddStartingTonic(() => processor = new BigDataProcessor(output));
        formula.AddStartingTonic(() => new ControlPanel(processor!, output, clicksBeforeStop: 80));
        var watch = Stopwatch.StartNew();
        await formula.RunAsync();
        var result = processor!.Result!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done in {watch.Elapsed.TotalMilliseconds:0} ms: {result.Outcome.ToString().ToLowerInvariant()} after {result.ProcessedCount:N0} items, " +
            $"{BigDataProcessor.ItemCount - result.ProcessedCount:N0} never touched."));
    }
}

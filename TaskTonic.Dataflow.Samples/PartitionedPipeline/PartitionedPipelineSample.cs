using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Partitioning;

namespace TaskTonic.Dataflow.Samples.PartitionedPipeline;

/// <summary>
/// An order stream partitioned by symbol: producer → <c>BufferBlock</c> → <c>partition.AsTarget</c> (bounded per
/// catalyst) → one <see cref="SymbolBook"/> per symbol on a <see cref="CatalystPool"/> → a result sink. Prints the
/// throughput and how symbols and orders spread over the catalysts; the formula ends by itself.
/// </summary>
internal static class PartitionedPipelineSample
{
    private const int Orders = 200_000;
    private const int Symbols = 64;

    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula();
        CatalystPool? pool = null;
        Partition<string, SymbolBook>? books = null;
        ResultSink? sink = null;
        formula.AddStartingTonic(() =>
        {
            pool = new CatalystPool(new CatalystPoolOptions { Name = "books" });
            sink = new ResultSink(Symbols);
            return books = new Partition<string, SymbolBook>(pool, (symbol, options) => new SymbolBook(symbol, options));
        });
        var run = formula.RunAsync();

        var target = books!.AsTarget<Order>(o => o.Symbol, (book, order) => book.Apply(order), boundedCapacityPerCatalyst: 256);
        var buffer = new BufferBlock<Order>(new DataflowBlockOptions { BoundedCapacity = 1024 });
        buffer.LinkTo(target, new DataflowLinkOptions { PropagateCompletion = true });
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Orders; i++)
        {
            await buffer.SendAsync(new Order($"SYM{(i * 7919) % Symbols:00}", i, 1 + (i % 10), 100 + (i % 50)));
        }

        buffer.Complete();
        await target.Completion;
        clock.Stop();

        for (var s = 0; s < Symbols; s++)
        {
            books.For($"SYM{s:00}").Report(sink!);
        }

        await sink!.Completion;
        books.Finish();
        pool!.Finish();
        await run;

        var results = sink.Results;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Orders:N0} orders over {Symbols} symbols on {pool.Size} catalysts in {clock.Elapsed.TotalMilliseconds:F0} ms: " +
            $"{Orders / clock.Elapsed.TotalSeconds:N0} orders/s; {results.Sum(r => r.Orders):N0} aggregated, " +
            $"{results.Sum(r => r.OutOfOrder)} out of order."));
        foreach (var group in results.GroupBy(r => r.Catalyst).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key}: {group.Count(),3} symbols, {group.Sum(r => r.Orders),8:N0} orders"));
        }

        var top = results.MaxBy(r => r.Volume)!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Largest volume: {top.Symbol} {top.Volume:N0} at VWAP {top.Vwap:F2}. Formula status: {formula.Status}; live tonics: {formula.Ledger.Count}."));
    }
}

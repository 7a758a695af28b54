using System.Globalization;
using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Samples.Pipeline;

/// <summary>
/// A Dataflow pipeline feeding tonics: producer → <c>BufferBlock</c> → bounded tonic stage → tonic sink. The producer's
/// <c>SendAsync</c> waits whenever the stage is full; completing the buffer completes the stage and then the sink, both
/// tonics finish themselves, and the formula ends by itself.
/// </summary>
internal static class PipelineSample
{
    private const int Items = 10_000;

    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula();
        SquareStage? stage = null;
        SumSink? sink = null;
        formula.AddStartingTonic(() => stage = new SquareStage(capacity: 16));
        formula.AddStartingTonic(() => sink = new SumSink(output));
        var run = formula.RunAsync();

        var buffer = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = 8 });
        var propagate = new DataflowLinkOptions { PropagateCompletion = true };
        buffer.LinkTo(stage!.Input, propagate);
        stage.Output.LinkTo(sink!.Input, propagate);

        var waited = 0;
        for (var i = 1; i <= Items; i++)
        {
            var send = buffer.SendAsync(i);
            if (!send.IsCompleted)
            {
                waited++; // back-pressure: the buffer and the stage were full
            }

            await send;
        }

        buffer.Complete();
        await run;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Producer sent {Items:N0} items and waited on {waited:N0} sends; the stage never held more than {stage.MostWaiting} " +
            $"(its bound is {stage.Input.BoundedCapacity}). Formula status: {formula.Status}; live tonics: {formula.Ledger.Count}."));
    }
}

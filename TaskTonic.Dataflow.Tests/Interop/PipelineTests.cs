using System.Collections.Concurrent;
using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Interop;

namespace TaskTonic.Dataflow.Tests.Interop;

public sealed partial class PipelineTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);
    private static readonly DataflowLinkOptions s_propagate = new() { PropagateCompletion = true };

    /// <summary>A tonic stage: a bounded input, an event output; it finishes when its input completes and forwards faults.</summary>
    private sealed partial class Stage : Tonic
    {
        public Stage(int capacity, Catalyst? catalyst = null)
            : base(new TonicOptions { Catalyst = catalyst })
        {
            Output = new TonicEventSource<int>(this);
            Input = new TonicTargetBlock<int>(this, Handle, new TonicTargetBlockOptions
            {
                BoundedCapacity = capacity,
                FinishTonicOnCompletion = true,
                OnCompleted = error =>
                {
                    if (error is not null)
                    {
                        ((IDataflowBlock)Output).Fault(error);
                    }
                },
            });
        }

        public TonicTargetBlock<int> Input { get; }

        public TonicEventSource<int> Output { get; }

        public int MaxInputCount { get; private set; }

        private void Handle(int item)
        {
            MaxInputCount = Math.Max(MaxInputCount, Input.InputCount);
            Output.Publish(item + 1000);
        }
    }

    /// <summary>The end of the pipeline: records what arrives and finishes when its input completes.</summary>
    private sealed partial class Sink : Tonic
    {
        private int _receivedCount;

        public Sink() => Input = new TonicTargetBlock<int>(this, Receive, new TonicTargetBlockOptions { FinishTonicOnCompletion = true });

        public TonicTargetBlock<int> Input { get; }

        public List<int> Received { get; } = [];

        /// <summary>How many items arrived; safe to read from the test thread.</summary>
        public int ReceivedCount => Volatile.Read(ref _receivedCount);

        private void Receive(int item)
        {
            Received.Add(item);
            Volatile.Write(ref _receivedCount, Received.Count);
        }
    }

    /// <summary>A SynchronizationContext that holds every callback until opened: a catalyst on it is paused without blocking any thread.</summary>
    private sealed class GatedContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public void Open()
        {
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(this);
                foreach (var (callback, state) in _queue.GetConsumingEnumerable())
                {
                    callback(state);
                }
            }) { IsBackground = true, Name = "gated catalyst" };
            thread.Start();
        }

        public void Dispose() => _queue.CompleteAdding();
    }

    [Fact]
    public async Task A_three_stage_pipeline_applies_back_pressure_to_the_producer_and_completes_by_itself()
    {
        using var gate = new GatedContext();
        var formula = new Formula();
        Stage? stage = null;
        Sink? sink = null;
        formula.AddStartingTonic(() =>
        {
            var paused = new Catalyst(new CatalystOptions { Name = "paused", Threading = CatalystThreading.SynchronizationContext, SynchronizationContext = gate });
            stage = new Stage(capacity: 3, paused);
            return sink = new Sink();
        });
        var run = formula.RunAsync();

        // producer → BufferBlock (2) → tonic stage (3, on a paused catalyst) → TransformBlock → tonic sink
        var head = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = 2 });
        var times10 = new TransformBlock<int, int>(x => x * 10);
        head.LinkTo(stage!.Input, s_propagate);
        stage.Output.LinkTo(times10, s_propagate);
        times10.LinkTo(sink!.Input, s_propagate);

        var sends = Enumerable.Range(0, 6).Select(i => head.SendAsync(i)).ToList();
        await WaitUntil(() => stage.Input.InputCount == 3 && head.Count == 2 && sends.Take(5).All(s => s.IsCompleted));

        // Full: 3 accepted by the stage, 2 in the buffer. The sixth send waits for the stage, which cannot move.
        Assert.False(sends[5].IsCompleted);
        Assert.All(sends.Take(5), s => Assert.True(s.Result));
        Assert.Empty(sink.Received);

        gate.Open();
        Assert.True(await sends[5].WaitAsync(s_safety));
        for (var i = 6; i < 100; i++)
        {
            Assert.True(await head.SendAsync(i).WaitAsync(s_safety));
        }

        head.Complete();
        await run.WaitAsync(s_safety); // completion flowed to the end, every tonic finished, the formula ended

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (i + 1000) * 10), sink.Received);
        Assert.InRange(stage.MaxInputCount, 1, 3);
        Assert.True(stage.Input.Completion.IsCompletedSuccessfully);
        Assert.True(stage.Output.Completion.IsCompletedSuccessfully);
        Assert.True(times10.Completion.IsCompletedSuccessfully);
        Assert.True(sink.Input.Completion.IsCompletedSuccessfully);
        Assert.True(stage.IsCompleted);
        Assert.True(sink.IsCompleted);
        Assert.Equal(0, formula.Ledger.DroppedCount);
    }

    [Fact]
    public async Task A_fault_at_the_head_propagates_through_the_tonic_stages_to_the_end()
    {
        var formula = new Formula();
        Stage? stage = null;
        Sink? sink = null;
        formula.AddStartingTonic(() =>
        {
            stage = new Stage(capacity: 2);
            return sink = new Sink();
        });
        var run = formula.RunAsync();
        var head = new BufferBlock<int>();
        head.LinkTo(stage!.Input, s_propagate);
        stage.Output.LinkTo(sink!.Input, s_propagate);
        for (var i = 1; i <= 3; i++)
        {
            head.Post(i);
        }

        await WaitUntil(() => sink.Input.Completion.IsCompleted || sink.ReceivedCount == 3);
        var boom = new InvalidOperationException("source broke");
        ((IDataflowBlock)head).Fault(boom);

        await run.WaitAsync(s_safety);
        Assert.Equal([1001, 1002, 1003], sink.Received);
        Assert.Contains(boom, Flatten(stage.Input.Completion));
        Assert.Contains(boom, Flatten(stage.Output.Completion));
        Assert.Contains(boom, Flatten(sink.Input.Completion));
        Assert.True(stage.IsCompleted);
        Assert.True(sink.IsCompleted);
    }

    private static IReadOnlyCollection<Exception> Flatten(Task completion)
    {
        Assert.True(completion.IsFaulted, $"expected a fault, got {completion.Status}");
        return completion.Exception!.Flatten().InnerExceptions;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Yield();
        }
    }
}

using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Interop;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Interop;

public sealed partial class TonicEventSourceTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    /// <summary>Publishes an event per command.</summary>
    private sealed partial class Emitter : Tonic
    {
        public Emitter() => Output = new TonicEventSource<int>(this);

        public TonicEventSource<int> Output { get; }

        public List<bool> Published { get; } = [];

        private void ttsc__emit(int n) => Published.Add(Output.Publish(n));

        private void ttsc__fail(string message) => ((IDataflowBlock)Output).Fault(new InvalidOperationException(message));

        private void ttsc__close() => Output.Complete();
    }

    /// <summary>Records what an observer sees.</summary>
    private sealed class Recorder : IObserver<int>
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> Values { get; } = [];

        public Exception? Error { get; private set; }

        public Task Done => _done.Task;

        public void OnNext(int value)
        {
            lock (Values)
            {
                Values.Add(value);
            }
        }

        public void OnError(Exception error)
        {
            Error = error;
            _done.TrySetResult();
        }

        public void OnCompleted() => _done.TrySetResult();
    }

    [Fact]
    public async Task Events_published_in_sparkles_reach_a_linked_block_in_order_and_the_source_completes_with_the_tonic()
    {
        var distiller = new Distiller();
        var emitter = distiller.Spawn(() => new Emitter());
        var received = new List<int>();
        var sink = new ActionBlock<int>(received.Add);
        using var link = emitter.Output.LinkTo(sink, new DataflowLinkOptions { PropagateCompletion = true });
        for (var i = 1; i <= 3; i++)
        {
            emitter.Emit(i);
        }

        distiller.RunUntilIdle();
        Assert.False(emitter.Output.Completion.IsCompleted);
        emitter.Finish();
        distiller.RunUntilIdle();

        await emitter.Output.Completion.WaitAsync(s_safety);
        await sink.Completion.WaitAsync(s_safety);
        Assert.Equal([1, 2, 3], received);
        Assert.Equal([true, true, true], emitter.Published);
        Assert.False(emitter.Output.Publish(4));
        Assert.Same(emitter, emitter.Output.Owner);
    }

    [Fact]
    public async Task Events_wait_in_order_until_a_target_is_linked()
    {
        var distiller = new Distiller();
        var emitter = distiller.Spawn(() => new Emitter());
        emitter.Emit(1);
        emitter.Emit(2);
        emitter.Close();
        distiller.RunUntilIdle();
        Assert.Equal(2, emitter.Output.Count);

        var buffer = new BufferBlock<int>();
        emitter.Output.LinkTo(buffer, new DataflowLinkOptions { PropagateCompletion = true });
        await buffer.OutputAvailableAsync().WaitAsync(s_safety);
        Assert.Equal(1, await buffer.ReceiveAsync().WaitAsync(s_safety));
        Assert.Equal(2, await buffer.ReceiveAsync().WaitAsync(s_safety));
        await buffer.Completion.WaitAsync(s_safety);
        Assert.False(emitter.IsFinishing); // completing the source does not finish the tonic
    }

    [Fact]
    public async Task An_observer_sees_every_event_then_completion()
    {
        var distiller = new Distiller();
        var emitter = distiller.Spawn(() => new Emitter());
        var recorder = new Recorder();
        using var subscription = emitter.Output.Subscribe(recorder);
        for (var i = 1; i <= 5; i++)
        {
            emitter.Emit(i);
        }

        emitter.Finish();
        distiller.RunUntilIdle();

        await recorder.Done.WaitAsync(s_safety);
        Assert.Null(recorder.Error);
        Assert.Equal([1, 2, 3, 4, 5], recorder.Values);
    }

    [Fact]
    public async Task A_fault_reaches_linked_blocks_and_observers()
    {
        var distiller = new Distiller();
        var emitter = distiller.Spawn(() => new Emitter());
        var recorder = new Recorder();
        using var subscription = emitter.Output.Subscribe(recorder);
        emitter.Fail("sensor lost");
        distiller.RunUntilIdle();

        await recorder.Done.WaitAsync(s_safety);
        var error = Assert.IsType<AggregateException>(recorder.Error).Flatten().InnerExceptions; // Dataflow's observable wraps it
        Assert.Equal("sensor lost", Assert.Single(error).Message);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => emitter.Output.Completion.WaitAsync(s_safety));
        Assert.Equal("sensor lost", thrown.Message);
        Assert.False(emitter.Output.Publish(1));
    }
}

using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Interop;

/// <summary>
/// A stream of events a tonic publishes from its sparkles, exposed as a Dataflow <see cref="ISourceBlock{TOutput}"/>
/// (link it to downstream blocks or tonics) and as an <see cref="IObservable{T}"/>. It completes when the tonic
/// completes, or earlier through <see cref="Complete"/> or a fault.
/// </summary>
/// <remarks>
/// <para>
/// Semantics are those of a <c>BufferBlock</c>: events wait in order until a linked target takes them; with several
/// links each event goes to the first target that accepts it (link a <c>BroadcastBlock</c> to fan out). Observers
/// (<see cref="Subscribe"/>) share one link, and every observer sees every event that link takes, on a thread-pool
/// thread, not on the tonic's catalyst; use either links or observers on one source.
/// </para>
/// <para>
/// The buffer is unbounded: <see cref="Publish"/> never waits, because a sparkle must not block. Back-pressure from
/// downstream therefore stops here; bound the tonic's input instead.
/// </para>
/// </remarks>
/// <typeparam name="T">The event type.</typeparam>
public sealed class TonicEventSource<T> : ISourceBlock<T>, IObservable<T>
{
    private readonly BufferBlock<T> _buffer = new();
    private IObservable<T>? _observable;

    /// <summary>Creates an event source owned by <paramref name="owner"/>; it completes when the owner completes.</summary>
    public TonicEventSource(Tonic owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        Owner = owner;
        _ = owner.Completion.ContinueWith(static (_, state) => ((TonicEventSource<T>)state!).Complete(), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The tonic that publishes the events.</summary>
    public Tonic Owner { get; }

    /// <summary>The number of published events no target has taken yet.</summary>
    public int Count => _buffer.Count;

    /// <summary>Completes once the source was completed (or faulted) and every event was taken.</summary>
    public Task Completion => _buffer.Completion;

    /// <summary>
    /// Publishes an event to the linked targets and observers. Call it from the owner's sparkles, so events keep the
    /// order in which the owner produced them. Never blocks.
    /// </summary>
    /// <returns>False once the source has completed or faulted (the event is discarded).</returns>
    public bool Publish(T value) => _buffer.Post(value);

    /// <summary>Completes the source: events already published are still delivered, new ones are refused. Idempotent.</summary>
    public void Complete() => _buffer.Complete();

    /// <summary>Faults the source: events not yet taken are discarded and linked targets with propagation are faulted.</summary>
    void IDataflowBlock.Fault(Exception exception) => ((IDataflowBlock)_buffer).Fault(exception);

    /// <inheritdoc />
    public IDisposable LinkTo(ITargetBlock<T> target, DataflowLinkOptions linkOptions) => _buffer.LinkTo(target, linkOptions);

    /// <summary>
    /// Subscribes an observer (through Dataflow's <c>AsObservable</c>): it receives the events, then <c>OnCompleted</c>, or
    /// <c>OnError</c> with the source's <see cref="AggregateException"/> after a fault.
    /// </summary>
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var observable = Volatile.Read(ref _observable);
        if (observable is null)
        {
            var created = _buffer.AsObservable();
            observable = Interlocked.CompareExchange(ref _observable, created, null) ?? created;
        }

        return observable.Subscribe(observer);
    }

    /// <inheritdoc />
    public override string ToString() => $"TonicEventSource<{typeof(T).Name}> of {Owner.Name}";

    /// <inheritdoc />
    T? ISourceBlock<T>.ConsumeMessage(DataflowMessageHeader messageHeader, ITargetBlock<T> target, out bool messageConsumed) =>
        ((ISourceBlock<T>)_buffer).ConsumeMessage(messageHeader, target, out messageConsumed);

    /// <inheritdoc />
    bool ISourceBlock<T>.ReserveMessage(DataflowMessageHeader messageHeader, ITargetBlock<T> target) =>
        ((ISourceBlock<T>)_buffer).ReserveMessage(messageHeader, target);

    /// <inheritdoc />
    void ISourceBlock<T>.ReleaseReservation(DataflowMessageHeader messageHeader, ITargetBlock<T> target) =>
        ((ISourceBlock<T>)_buffer).ReleaseReservation(messageHeader, target);
}

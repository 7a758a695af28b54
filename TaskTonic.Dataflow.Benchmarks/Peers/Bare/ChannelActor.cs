using System.Threading.Channels;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>
/// The bare Channel baseline's "actor": an unbounded single-reader <see cref="Channel{T}"/> and one consumer
/// task that runs the handler for each message in order.
/// </summary>
/// <remarks>
/// The consumer loop is <c>WaitToReadAsync</c> + <c>TryRead</c>, which is what <c>await foreach</c> over
/// <c>ReadAllAsync</c> does, without the async-enumerator layer.
/// </remarks>
/// <typeparam name="T">The message type.</typeparam>
internal sealed class ChannelActor<T>
{
    private static readonly UnboundedChannelOptions Options = new() { SingleReader = true, SingleWriter = false };

    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(Options);

    /// <summary>Initializes a new instance of the <see cref="ChannelActor{T}"/> class and starts its consumer.</summary>
    public ChannelActor(Action<T> handler) => Completion = ConsumeAsync(_channel.Reader, handler);

    /// <summary>Gets the consumer task; it ends after <see cref="Complete"/> once the queue is empty.</summary>
    public Task Completion { get; }

    /// <summary>Queues <paramref name="message"/>; any thread.</summary>
    public void Tell(T message)
    {
        if (!_channel.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The channel actor is completed.");
        }
    }

    /// <summary>Lets the consumer finish once the queued messages are handled.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private static async Task ConsumeAsync(ChannelReader<T> reader, Action<T> handler)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                handler(message);
            }
        }
    }
}

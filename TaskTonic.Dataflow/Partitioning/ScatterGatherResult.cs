namespace TaskTonic.Dataflow.Partitioning;

/// <summary>What a scatter-gather collected.</summary>
/// <typeparam name="TReply">The reply type.</typeparam>
public sealed class ScatterGatherResult<TReply>
{
    internal ScatterGatherResult(IReadOnlyList<TReply> replies, int expected, bool timedOut) =>
        (Replies, Expected, TimedOut) = (replies, expected, timedOut);

    /// <summary>The replies, in the order they arrived.</summary>
    public IReadOnlyList<TReply> Replies { get; }

    /// <summary>The number of routees asked.</summary>
    public int Expected { get; }

    /// <summary>True when the time-out passed before every routee replied.</summary>
    public bool TimedOut { get; }
}

/// <summary>Where a routee sends its answer to a scatter-gather; callable once per question, from any sparkle. Shared, never copied, between catalysts.</summary>
/// <typeparam name="TReply">The reply type.</typeparam>
[PassByReference]
public sealed class ReplyTo<TReply>
{
    private readonly IGather<TReply> _gather;
    private int _sent;

    internal ReplyTo(IGather<TReply> gather) => _gather = gather;

    /// <summary>Sends the reply. A reply after the result was delivered is counted by <see cref="Router{T}.LateReplies"/>.</summary>
    /// <exception cref="InvalidOperationException">This question was already answered.</exception>
    public void Send(TReply reply)
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
        {
            throw new InvalidOperationException("A scatter-gather question is answered once.");
        }

        _gather.Add(reply);
    }
}

/// <summary>The collecting side of a scatter-gather.</summary>
internal interface IGather<in TReply>
{
    void Add(TReply reply);
}

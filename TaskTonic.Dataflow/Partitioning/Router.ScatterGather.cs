using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Partitioning;

public sealed partial class Router<T>
{
    /// <summary>
    /// Scatter-gather: asks every routee (<paramref name="ask"/> sends it the question and a <see cref="ReplyTo{TReply}"/>)
    /// and calls <paramref name="onDone"/> once, as a sparkle of the calling tonic, when every routee replied or
    /// <paramref name="timeout"/> passed on the ledger's clock (virtual under the Distiller), with the replies collected.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not called from a sparkle of a tonic of this ledger.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public void ScatterGather<TReply>(Action<T, ReplyTo<TReply>> ask, TimeSpan timeout, Action<ScatterGatherResult<TReply>> onDone)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(onDone);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var caller = Ambient.Tonic;
        if (caller is null || !ReferenceEquals(caller.Ledger, Ledger) || caller.IsCatalyst)
        {
            throw new InvalidOperationException("ScatterGather must be called from a sparkle of a tonic: the result is delivered to it.");
        }

        var gather = new Gather<TReply>(this, caller, _routees.Length, onDone);
        gather.Timer = new SingleShotTimer(timeout, "scatter-gather", _ => gather.Deliver(timedOut: true), owner: caller);
        foreach (var routee in _routees)
        {
            ask(routee, new ReplyTo<TReply>(gather));
        }
    }

    /// <summary>One scatter-gather in progress. Replies arrive on the routees' catalysts; the result is delivered on the caller's.</summary>
    internal sealed class Gather<TReply>(Router<T> router, Tonic caller, int expected, Action<ScatterGatherResult<TReply>> onDone) : IGather<TReply>
    {
        private readonly Lock _gate = new();
        private readonly List<TReply> _replies = [];
        private bool _delivered;

        public SingleShotTimer? Timer { get; set; }

        public void Add(TReply reply)
        {
            lock (_gate)
            {
                if (_delivered)
                {
                    router.CountLateReply();
                    return;
                }

                _replies.Add(reply);
                if (_replies.Count < expected)
                {
                    return;
                }
            }

            caller.PostUserCallback(() => Deliver(timedOut: false));
        }

        /// <summary>On the caller's catalyst.</summary>
        public void Deliver(bool timedOut)
        {
            TReply[] replies;
            lock (_gate)
            {
                if (_delivered)
                {
                    return;
                }

                _delivered = true;
                replies = [.. _replies];
            }

            Timer?.Finish();
            onDone(new ScatterGatherResult<TReply>(replies, expected, timedOut && replies.Length < expected));
        }
    }
}

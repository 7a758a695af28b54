using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

// The opt-in bound of the mailbox (TonicOptions.Mailbox). Unbounded tonics pay one null check per post and per run.
public abstract partial class Tonic
{
    private MailboxBound? _mailboxBound;

    /// <summary>
    /// Waits until this tonic's bounded mailbox has room, then runs <paramref name="post"/>, which should call one
    /// generated entry point of this tonic: that post takes the room waited for, so the mailbox never holds more than
    /// its capacity. Posts keep their order: a waiting <see cref="SendAsync"/> is served before later posts. Without a
    /// <see cref="TonicOptions.Mailbox"/> bound (the default), <paramref name="post"/> runs at once. If the tonic
    /// completes meanwhile, <paramref name="post"/> still runs and its work order is dropped and counted as finishing work.
    /// </summary>
    /// <param name="post">Calls one entry point of this tonic, e.g. <c>() =&gt; worker.Process(item)</c>.</param>
    /// <param name="cancellationToken">Stops waiting; the task is then canceled and <paramref name="post"/> does not run.</param>
    /// <returns>A task that completes once the work order was posted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is null.</exception>
    public async Task SendAsync(Action post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var bound = _mailboxBound;
        if (bound is null || !await bound.TakeAsync(cancellationToken).ConfigureAwait(false))
        {
            post();
            return;
        }

        bound.Reserve();
        try
        {
            post();
        }
        finally
        {
            bound.Unreserve();
        }
    }

    private void BoundMailbox(BoundedMailbox settings)
    {
        var bound = new MailboxBound(settings);
        _mailboxBound = bound;
        _ = Completion.ContinueWith(static (_, state) => ((MailboxBound)state!).Close(), bound,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Takes a slot of the bounded mailbox for <paramref name="order"/>; false when the order was dropped.</summary>
    private bool AdmitBounded(MailboxBound bound, in WorkOrder order, Catalyst? running)
    {
        if (bound.TryTake())
        {
            return true;
        }

        switch (bound.Settings.WhenFull)
        {
            case MailboxFullMode.DropNewest:
                _ledger.ReportDrop(order, DeadLetterReason.MailboxFull);
                return false;
            case MailboxFullMode.Fail:
                throw new InvalidOperationException(
                    $"The mailbox of tonic '{Name}' is full: {bound.Settings.Capacity} sparkles wait to run, its capacity (MailboxFullMode.Fail).");
            default:
                if (running is not null)
                {
                    // A sparkle never blocks its catalyst (it could wait for itself).
                    bound.TakeOver();
                    return true;
                }

                if (bound.TakeAsync(CancellationToken.None).GetAwaiter().GetResult())
                {
                    return true;
                }

                _ledger.ReportDrop(order, FinishingDropReason);
                return false;
        }
    }
}

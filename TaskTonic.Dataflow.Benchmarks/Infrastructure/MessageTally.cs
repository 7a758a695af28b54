namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>
/// Counts the messages one actor handles and completes the run after the last one; owned by that actor,
/// so it is only ever touched by one handler at a time.
/// </summary>
public sealed class MessageTally(int messagesPerRun, CompletionSignal done)
{
    private int _handled;

    /// <summary>Counts one message; the run's last one signals <c>done</c> with the count and starts the next run from zero.</summary>
    public void Count()
    {
        if (++_handled == messagesPerRun)
        {
            _handled = 0;
            done.Signal(messagesPerRun);
        }
    }
}

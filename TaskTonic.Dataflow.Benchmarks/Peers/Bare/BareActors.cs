using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Small helpers shared by the bare baselines.</summary>
internal static class BareActors
{
    /// <summary>Completes <paramref name="block"/> and waits until its queue is drained.</summary>
    public static void CompleteAndWait(IDataflowBlock? block)
    {
        if (block is null)
        {
            return;
        }

        block.Complete();
        WaitFor(block.Completion);
    }

    /// <summary>Completes <paramref name="actor"/> and waits until its consumer has ended.</summary>
    public static void CompleteAndWait<T>(ChannelActor<T>? actor)
    {
        if (actor is null)
        {
            return;
        }

        actor.Complete();
        WaitFor(actor.Completion);
    }

    /// <summary>Waits for <paramref name="task"/> with the suite's watchdog.</summary>
    public static void WaitFor(Task task)
    {
        if (!task.Wait(Infrastructure.CompletionSignal.Watchdog))
        {
            throw new TimeoutException("A bare actor did not complete.");
        }
    }
}

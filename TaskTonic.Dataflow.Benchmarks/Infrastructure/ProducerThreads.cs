using TaskTonic.Dataflow.Benchmarks.Messages;

namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>Sends flood messages from several threads at once: the calling thread plus dedicated threads.</summary>
internal static class ProducerThreads
{
    /// <summary>Sends <paramref name="messages"/> new messages through <paramref name="send"/>, split over <paramref name="producers"/> threads.</summary>
    public static void Run(int producers, int messages, Action<FloodMessage> send)
    {
        if (messages % producers != 0)
        {
            throw new ArgumentException($"{messages} messages do not split evenly over {producers} producers.", nameof(producers));
        }

        var perProducer = messages / producers;
        var threads = new Thread[producers - 1];
        for (var p = 1; p < producers; p++)
        {
            var first = p * perProducer;
            threads[p - 1] = new Thread(() => Produce(first, perProducer, send)) { IsBackground = true, Name = $"producer {p}" };
            threads[p - 1].Start();
        }

        Produce(0, perProducer, send);
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private static void Produce(int first, int count, Action<FloodMessage> send)
    {
        for (var i = first; i < first + count; i++)
        {
            send(new FloodMessage(i));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

internal sealed class AllocListener : EventListener
{
    public static AllocListener? Instance;
    public readonly ConcurrentDictionary<string, long> Bytes = new();
    public volatile bool On;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            return;
        }

        var name = e.Payload?[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = e.PayloadNames!.IndexOf("AllocationAmount64") is var i and >= 0 ? Convert.ToInt64(e.Payload![i], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        Bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
    }

    public void Print(long messages)
    {
        foreach (var (k, v) in Bytes.OrderByDescending(kv => kv.Value).Take(30))
        {
            Console.WriteLine($"{(double)v / messages,8:N1} B/msg  {k}");
        }
    }
}

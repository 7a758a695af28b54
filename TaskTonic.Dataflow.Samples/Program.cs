using TaskTonic.Dataflow.Samples.BigData;
using TaskTonic.Dataflow.Samples.Cluster;
using TaskTonic.Dataflow.Samples.EventBinding;
using TaskTonic.Dataflow.Samples.HelloWorld;
using TaskTonic.Dataflow.Samples.HostedPipeline;
using TaskTonic.Dataflow.Samples.Layering;
using TaskTonic.Dataflow.Samples.PartitionedPipeline;
using TaskTonic.Dataflow.Samples.Networking;
using TaskTonic.Dataflow.Samples.Pipeline;
using TaskTonic.Dataflow.Samples.ResponsiveUi;
using TaskTonic.Dataflow.Samples.StoreDemo;
using TaskTonic.Dataflow.Samples.TrafficLight;
using TaskTonic.Dataflow.Samples.WorkerCatalyst;

// Runs every sample in order (or the ones named on the command line); each finishes by itself.
var samples = new Dictionary<string, Func<TextWriter, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["hello"] = HelloWorldSample.RunAsync,
    ["traffic-light"] = TrafficLightSample.RunAsync,
    ["layering"] = LayeringSample.RunAsync,
    ["worker-catalyst"] = WorkerCatalystSample.RunAsync,
    ["responsive-ui"] = ResponsiveUiSample.RunAsync,
    ["big-data"] = BigDataSample.RunAsync,
    ["pipeline"] = PipelineSample.RunAsync,
    ["store"] = StoreSample.RunAsync,
    ["partitioned-pipeline"] = PartitionedPipelineSample.RunAsync,
    ["cluster"] = ClusterSample.RunAsync,
    ["hosted-pipeline"] = HostedPipelineSample.RunAsync,
    ["chat-server"] = ChatServerSample.RunAsync,
    ["udp-telemetry"] = UdpTelemetrySample.RunAsync,
    ["event-binding"] = EventBindingSample.RunAsync,
};

var chosen = args.Length == 0 ? samples.Keys.ToList() : args.ToList();
foreach (var name in chosen)
{
    if (!samples.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"Unknown sample '{name}'. Samples: {string.Join(", ", samples.Keys)}.");
        return 2;
    }

    Console.WriteLine($"=== {name} ===");
    await run(Console.Out).WaitAsync(TimeSpan.FromMinutes(2));
    Console.WriteLine();
}

return 0;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Runtime;
using TaskTonic.Dataflow.Telemetry;

namespace TaskTonic.Dataflow.Benchmarks.Telemetry;

/// <summary>
/// Issue 14 item 3: the chain (each sparkle posts the next) with telemetry off, with a listener on every instrument of
/// the meter, and with every span sampled and recorded (each span parented by the previous sparkle's). 100,000 links
/// per invocation in every mode (quick included); results per message.
/// </summary>
/// <remarks>
/// The listeners are the BCL's own (what the OpenTelemetry SDK subscribes through) with no-op callbacks, so the figures
/// are the runtime's share. Cleanup removes the listeners, so benchmarks that run after these in the same process are
/// not observed.
/// </remarks>
[MemoryDiagnoser]
public partial class TelemetryOverheadBenchmarks
{
    private RuntimeHost? _host;
    private Chainer? _chainer;
    private MeterListener? _meters;
    private ActivityListener? _spans;

    public enum Telemetry
    {
        Off,
        Metrics,
        Tracing,
    }

    [Params(Telemetry.Off, Telemetry.Metrics, Telemetry.Tracing)]
    public Telemetry Mode { get; set; }

    private const int Links = 100_000;

    [GlobalSetup]
    public void Setup()
    {
        if (Mode != Telemetry.Off)
        {
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == TonicTelemetry.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
            _meters.Start();
        }

        if (Mode == Telemetry.Tracing)
        {
            _spans = new ActivityListener
            {
                ShouldListenTo = static source => source.Name == TonicTelemetry.Name,
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = static _ => { },
            };
            ActivitySource.AddActivityListener(_spans);
        }

        _host = new RuntimeHost();
        _chainer = _host.Spawn(() => new Chainer());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        _spans?.Dispose();
        _meters?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Links)]
    public void Chain()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _chainer!.Run(Links, done);
        done.Task.Wait();
    }

    private sealed partial class Chainer : Tonic
    {
        private TaskCompletionSource? _done;

        public void Run(int links, TaskCompletionSource done)
        {
            _done = done;
            Link(links);
        }

        private void ttsc__link(int left)
        {
            if (left > 1)
            {
                Link(left - 1);
            }
            else
            {
                _done!.TrySetResult();
            }
        }
    }
}

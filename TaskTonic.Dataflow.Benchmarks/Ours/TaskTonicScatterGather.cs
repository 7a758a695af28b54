using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// Scatter-gather: a coordinator tonic with its workers as infusions. By default the workers share the coordinator's
/// catalyst (TaskTonic's default); with <c>TASKTONIC_BENCH_LAYOUT=spread</c> they are spread round-robin over one
/// worker catalyst per core.
/// </summary>
public sealed partial class TaskTonicScatterGather : IScatterGatherImplementation
{
    private TaskTonicHost? _host;
    private Coordinator? _coordinator;

    public void Setup(int workers, int rounds, CompletionSignal done)
    {
        var host = _host = new TaskTonicHost();
        var tally = new GatherTally(workers, rounds, done);
        var coordinator = _coordinator = host.Spawn(() => new Coordinator(tally));
        var catalysts = TaskTonicHost.Spread
            ? Enumerable.Range(0, Environment.ProcessorCount).Select(i => host.NewCatalyst($"workers-{i}")).ToArray()
            : [];
        coordinator.Workers = new Worker[workers];
        for (var i = 0; i < workers; i++)
        {
            var catalyst = catalysts.Length == 0 ? null : catalysts[i % catalysts.Length];
            coordinator.Workers[i] = host.Spawn(() => new Worker(catalyst), coordinator);
        }
    }

    public void Start() => _coordinator!.StartRun(new StartRun());

    public void Dispose() => _host?.Dispose();

    private sealed partial class Coordinator(GatherTally tally) : Tonic
    {
        /// <summary>The workers, set once during setup before any run.</summary>
        public Worker[] Workers { get; set; } = [];

        private void ttsc__start_run(StartRun start) => Scatter();

        private void ttsc__reply(WorkReply reply)
        {
            if (tally.OnReply())
            {
                Scatter();
            }
        }

        private void Scatter()
        {
            foreach (var worker in Workers)
            {
                worker.Request(new WorkRequest(tally.Round));
            }
        }
    }

    /// <summary>Answers every request to its base, the coordinator.</summary>
    private sealed partial class Worker : Tonic
    {
        private readonly Coordinator _coordinator;

        public Worker(Catalyst? catalyst)
            : base(new TonicOptions { Catalyst = catalyst }) => _coordinator = (Coordinator)Parent!;

        private void ttsc__request(WorkRequest request) => _coordinator.Reply(new WorkReply(request.Round));
    }
}

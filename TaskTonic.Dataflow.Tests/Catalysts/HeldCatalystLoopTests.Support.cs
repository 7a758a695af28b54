using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Catalysts;

/// <summary>The target tonic, the recorder of runs and the helpers of the held-loop tests.</summary>
public sealed partial class HeldCatalystLoopTests
{
    /// <summary>A running formula with one idle tonic: the target every work order of these tests names (it never runs them).</summary>
    public sealed class TargetFixture : IAsyncLifetime
    {
        private readonly Formula _formula = new();
        private Task _run = Task.CompletedTask;

        public Tonic Target { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Idle? target = null;
            _formula.AddStartingTonic(() => target = new Idle());
            _run = _formula.RunAsync();
            Target = target ?? throw new InvalidOperationException("The formula did not create its starting tonic.");
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            _formula.Ledger.Shutdown();
            await _run.Within();
        }
    }

    private sealed partial class Idle : Tonic
    {
    }

    /// <summary>What the loop ran, in order, with the thread each ran on.</summary>
    private sealed class Recorder
    {
        private readonly Lock _gate = new();
        private readonly List<(int N, int Thread, bool Pool)> _runs = [];
        private readonly List<(int Count, TaskCompletionSource Done)> _targets = [];

        public List<int> Numbers
        {
            get
            {
                lock (_gate)
                {
                    return _runs.ConvertAll(r => r.N);
                }
            }
        }

        public List<(int N, int Thread, bool Pool)> Runs
        {
            get
            {
                lock (_gate)
                {
                    return [.. _runs];
                }
            }
        }

        /// <summary>Completes once <paramref name="count"/> orders ran.</summary>
        public TaskCompletionSource Reached(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _targets.Add((count, reached));
                Check();
            }

            return reached;
        }

        public void Execute(WorkOrder order)
        {
            lock (_gate)
            {
                _runs.Add(((int)order.Args!, Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
                Check();
            }
        }

        private void Check()
        {
            foreach (var (count, done) in _targets)
            {
                if (_runs.Count >= count)
                {
                    done.TrySetResult();
                }
            }
        }
    }
}

using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Tasks;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Tasks;

public sealed partial class TaskDeliveryTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    /// <summary>Starts a "download" in its start sparkle and handles the outcome in later sparkles.</summary>
    private sealed partial class Fetcher : Tonic
    {
        private readonly Task<string> _download;
        private readonly bool _separateCancel;

        public Fetcher(Task<string> download, bool separateCancel = false)
        {
            _download = download;
            _separateCancel = separateCancel;
        }

        public List<string> Events { get; } = [];

        public List<Tonic?> HandlerTonics { get; } = [];

        public Exception? Failure { get; private set; }

        private void ttse__on_start()
        {
            if (_separateCancel)
            {
                _download.DeliverTo(this, OnPage, OnFailed, OnCanceled);
            }
            else
            {
                _download.DeliverTo(this, OnPage, OnFailed);
            }

            Events.Add("started");
        }

        private void ttsc__ping(int n) => Events.Add($"ping {n}");

        private void OnPage(string page)
        {
            HandlerTonics.Add(SparkleContext.Current.Tonic);
            Events.Add($"page {page}");
        }

        private void OnFailed(Exception ex)
        {
            HandlerTonics.Add(SparkleContext.Current.Tonic);
            Failure = ex;
            Events.Add($"failed {ex.GetType().Name}");
        }

        private void OnCanceled(OperationCanceledException ex)
        {
            Failure = ex;
            Events.Add("canceled");
        }
    }

    /// <summary>Delivers a plain Task, and one that is already complete.</summary>
    private sealed partial class Waiter : Tonic
    {
        private readonly Task _work;

        public Waiter(Task work) => _work = work;

        public List<string> Events { get; } = [];

        private void ttse__on_start()
        {
            _work.DeliverTo(this, () => Events.Add("done"), ex => Events.Add($"failed {ex.Message}"));
            Task.CompletedTask.DeliverTo(this, () => Events.Add("already done"), _ => Events.Add("impossible"));
            Events.Add("start returned");
        }
    }

    [Fact]
    public void A_result_arrives_as_a_later_sparkle_of_the_tonic_and_the_catalyst_stays_free_meanwhile()
    {
        var distiller = new Distiller();
        var download = new TaskCompletionSource<string>();
        var fetcher = distiller.Spawn(() => new Fetcher(download.Task));
        distiller.RunUntilIdle();
        fetcher.Ping(1);
        fetcher.Ping(2);
        distiller.RunUntilIdle();
        Assert.Equal(["started", "ping 1", "ping 2"], fetcher.Events);

        download.SetResult("<html/>");
        Assert.Equal(3, fetcher.Events.Count); // completing the task only queued the delivery
        var result = distiller.RunUntilIdle();

        Assert.Equal(["started", "ping 1", "ping 2", "page <html/>"], fetcher.Events);
        Assert.Same(fetcher, Assert.Single(fetcher.HandlerTonics));
        var delivered = Assert.Single(result.Trace);
        Assert.Same(fetcher, delivered.Tonic);
        Assert.Equal("tts__callback", delivered.Sparkle);
    }

    [Fact]
    public void A_failure_is_delivered_unwrapped_to_the_error_path()
    {
        var distiller = new Distiller();
        var download = new TaskCompletionSource<string>();
        var fetcher = distiller.Spawn(() => new Fetcher(download.Task));
        distiller.RunUntilIdle();
        var boom = new HttpRequestException("404");
        download.SetException(boom);
        distiller.RunUntilIdle();

        Assert.Same(boom, fetcher.Failure);
        Assert.Equal(["started", "failed HttpRequestException"], fetcher.Events);
        Assert.Same(fetcher, Assert.Single(fetcher.HandlerTonics));
    }

    [Fact]
    public void Several_exceptions_are_delivered_as_the_aggregate()
    {
        var distiller = new Distiller();
        var download = new TaskCompletionSource<string>();
        var fetcher = distiller.Spawn(() => new Fetcher(download.Task));
        distiller.RunUntilIdle();
        download.SetException([new InvalidOperationException("a"), new InvalidOperationException("b")]);
        distiller.RunUntilIdle();

        var aggregate = Assert.IsType<AggregateException>(fetcher.Failure);
        Assert.Equal(2, aggregate.InnerExceptions.Count);
    }

    [Fact]
    public void A_cancellation_goes_to_the_error_path_unless_a_cancel_path_is_given()
    {
        var distiller = new Distiller();
        using var cts = new CancellationTokenSource();
        var toErrorPath = new TaskCompletionSource<string>();
        var toCancelPath = new TaskCompletionSource<string>();
        var plain = distiller.Spawn(() => new Fetcher(toErrorPath.Task));
        var separate = distiller.Spawn(() => new Fetcher(toCancelPath.Task, separateCancel: true));
        distiller.RunUntilIdle();
        cts.Cancel();
        toErrorPath.SetCanceled(cts.Token);
        toCancelPath.SetCanceled(cts.Token);
        distiller.RunUntilIdle();

        Assert.Equal(["started", "failed TaskCanceledException"], plain.Events);
        Assert.Equal(cts.Token, Assert.IsType<TaskCanceledException>(plain.Failure).CancellationToken);
        Assert.Equal(["started", "canceled"], separate.Events);
        Assert.IsType<TaskCanceledException>(separate.Failure);
    }

    [Fact]
    public void Plain_tasks_and_already_completed_tasks_are_delivered_as_sparkles_too_never_inline()
    {
        var distiller = new Distiller();
        var work = new TaskCompletionSource();
        var waiter = distiller.Spawn(() => new Waiter(work.Task));
        distiller.RunUntilIdle();
        Assert.Equal(["start returned", "already done"], waiter.Events);

        work.SetResult();
        distiller.RunUntilIdle();
        Assert.Equal(["start returned", "already done", "done"], waiter.Events);
    }

    [Fact]
    public void A_result_after_the_tonic_finished_is_dropped_and_counted_never_thrown()
    {
        var distiller = new Distiller();
        var late = new TaskCompletionSource<string>();
        var lateFailure = new TaskCompletionSource<string>();
        var fetcher = distiller.Spawn(() => new Fetcher(late.Task));
        var other = distiller.Spawn(() => new Fetcher(lateFailure.Task));
        var dropped = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(d =>
        {
            if (d.Reason != DeadLetterReason.Failed)
            {
                dropped.Add(d);
            }
        });
        distiller.RunUntilIdle();
        fetcher.Finish();
        other.Finish();
        distiller.RunUntilIdle();
        Assert.True(fetcher.IsCompleted);
        Assert.True(other.IsCompleted);

        late.SetResult("too late"); // completes on this thread: must not throw here
        lateFailure.SetException(new TimeoutException());

        Assert.Equal(2, distiller.Ledger.DroppedCount);
        Assert.All(dropped, d => Assert.Equal(DeadLetterReason.TonicCompleted, d.Reason));
        Assert.Equal([fetcher, other], dropped.Select(d => d.Target));
        Assert.Equal("tts__callback", dropped[0].SparkleName);
        Assert.Equal(["started"], fetcher.Events);
        Assert.Equal(["started"], other.Events);
    }

    [Fact]
    public void A_result_arriving_while_the_tonic_is_finishing_is_dropped_when_it_would_run()
    {
        var distiller = new Distiller();
        var download = new TaskCompletionSource<string>();
        var fetcher = distiller.Spawn(() => new Fetcher(download.Task));
        distiller.RunUntilIdle();
        fetcher.Finish();
        download.SetResult("racing the finish");
        distiller.RunUntilIdle();

        Assert.Equal(1, distiller.Ledger.DroppedCount);
        Assert.Equal(["started"], fetcher.Events);
    }

    [Fact]
    public void A_throwing_handler_is_reported_like_any_sparkle()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var work = new TaskCompletionSource();
        var waiter = distiller.Spawn(() => new Waiter(work.Task));
        distiller.RunUntilIdle();
        work.SetException(new InvalidOperationException("bad"));
        distiller.RunUntilIdle();
        Assert.Empty(failures);
        Assert.Contains("failed bad", waiter.Events);

        Task.CompletedTask.DeliverTo(waiter, () => throw new InvalidOperationException("handler"), _ => { });
        waiter.Events.Clear();
        distiller.RunUntilIdle();
        var failure = Assert.Single(failures);
        Assert.Same(waiter, failure.Target);
        Assert.Equal("tts__callback", failure.SparkleName);
        Assert.Equal("handler", failure.Exception!.Message);
        Assert.False(waiter.IsFinishing);
    }

    [Fact]
    public async Task On_the_real_runtime_a_task_completed_on_another_thread_is_handled_on_the_tonic_catalyst()
    {
        var formula = new Formula();
        var download = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Fetcher? fetcher = null;
        formula.AddStartingTonic(() => fetcher = new Fetcher(download.Task));
        var run = formula.RunAsync();
        await Task.Run(() => download.SetResult("from the pool"));
        await WaitUntil(() => fetcher!.Events.Count == 2);
        Assert.Equal(["started", "page from the pool"], fetcher!.Events);
        Assert.Same(fetcher, Assert.Single(fetcher.HandlerTonics));
        formula.Ledger.Shutdown();
        await run.WaitAsync(s_safety);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Yield();
        }
    }
}

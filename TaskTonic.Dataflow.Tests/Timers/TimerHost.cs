using System.Collections.Concurrent;
using System.Threading.Channels;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>One expiry as a <see cref="TimerHost"/> saw it: which handler ran, with what, where.</summary>
internal sealed record TimerFire(string Handler, TimerInfo Info, string Catalyst, int Thread, Tonic? ContextTonic);

/// <summary>
/// A tonic for timer tests on real catalysts: it runs test code inside its sparkles (<see cref="RunAsync"/>), reports
/// every expiry on a channel, and tells when it started. The test awaits those instead of sleeping.
/// </summary>
internal sealed partial class TimerHost : Tonic
{
    private readonly ConcurrentQueue<(Action<TimerHost> Job, TaskCompletionSource Done)> _jobs = new();
    private readonly Channel<TimerFire> _fired = Channel.CreateUnbounded<TimerFire>();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<TimerHost>? _onStart;

    public TimerHost(Action<TimerHost>? onStart = null, Catalyst? catalyst = null)
        : base(new TonicOptions { Catalyst = catalyst })
    {
        _onStart = onStart;
    }

    /// <summary>Every expiry, in order.</summary>
    public ChannelReader<TimerFire> Fired => _fired.Reader;

    /// <summary>Completes once <c>ttse__on_start</c> (and the start action) ran.</summary>
    public Task Started => _started.Task;

    /// <summary>The kicks received from <see cref="Kick"/>.</summary>
    public List<long> Kicks { get; } = [];

    /// <summary>The timer <see cref="Kick"/> restarts.</summary>
    public SingleShotTimer? Watchdog { get; set; }

    /// <summary>Runs <paramref name="job"/> in a sparkle of this tonic; the task completes (or faults) when it ran.</summary>
    public Task RunAsync(Action<TimerHost> job)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Enqueue((job, done));
        Job();
        return done.Task;
    }

    /// <summary>Runs <paramref name="job"/> in a sparkle of this tonic and returns its result.</summary>
    public async Task<T> EvalAsync<T>(Func<TimerHost, T> job)
    {
        var result = default(T);
        await RunAsync(h => { result = job(h); }).ConfigureAwait(false);
        return result!;
    }

    private void ttse__on_start()
    {
        _onStart?.Invoke(this);
        _started.TrySetResult();
    }

    private void ttsc__job()
    {
        _jobs.TryDequeue(out var item);
        try
        {
            item.Job(this);
            item.Done.TrySetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            item.Done.TrySetException(ex);
        }
    }

    private void ttsc__kick(long number)
    {
        Kicks.Add(number);
        Watchdog?.Restart();
    }

    private void ttse__on_timer(TimerInfo info) => Record("ttse__on_timer", info);

    private void ttse__on_tick(TimerInfo info) => Record("ttse__on_tick", info);

    private void ttse__on_watchdog(TimerInfo info) => Record("ttse__on_watchdog", info);

    private void Record(string handler, TimerInfo info) =>
        _fired.Writer.TryWrite(new TimerFire(handler, info, Catalyst.Name, Environment.CurrentManagedThreadId, SparkleContext.Current.Tonic));
}

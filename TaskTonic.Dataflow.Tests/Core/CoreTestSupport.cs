using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Shared helpers of the core tests.</summary>
internal static class CoreTestSupport
{
    /// <summary>The safety net for awaiting real runs: a hang fails the test instead of blocking the suite.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    /// <summary>Awaits <paramref name="task"/> with the safety net.</summary>
    public static Task Within(this Task task) => task.WaitAsync(SafetyNet);

    /// <summary>Awaits <paramref name="task"/> with the safety net.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(SafetyNet);
}

/// <summary>A task scheduler that runs everything on one dedicated thread, to observe catalyst thread affinity.</summary>
internal sealed class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread _thread;

    public DedicatedThreadScheduler(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>The managed id of the scheduler's thread.</summary>
    public int ThreadId => _thread.ManagedThreadId;

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => 1;

    /// <inheritdoc />
    public void Dispose()
    {
        _tasks.CompleteAdding();
        _thread.Join(CoreTestSupport.SafetyNet);
        _tasks.Dispose();
    }

    /// <inheritdoc />
    protected override void QueueTask(Task task) => _tasks.Add(task);

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Environment.CurrentManagedThreadId == ThreadId && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => [.. _tasks];

    private void Loop()
    {
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}

/// <summary>An <see cref="ILoggerFactory"/> that keeps every log entry in memory.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    /// <summary>Every entry written so far, in order.</summary>
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>One log entry.</summary>
    internal sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

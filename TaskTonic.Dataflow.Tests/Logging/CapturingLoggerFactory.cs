using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Tests.Logging;

/// <summary>Records every log entry with its level, text and the scopes active when it was written.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly AsyncLocal<ImmutableStack> _scopes = new();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, string Text, IReadOnlyList<object> Scopes);

    private sealed record ImmutableStack(object Value, ImmutableStack? Next);

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var previous = owner._scopes.Value;
            owner._scopes.Value = new ImmutableStack(state, previous);
            return new Pop(() => owner._scopes.Value = previous!);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object>();
            for (var s = owner._scopes.Value; s is not null; s = s.Next)
            {
                scopes.Add(s.Value);
            }

            owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), scopes));
        }
    }

    private sealed class Pop(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

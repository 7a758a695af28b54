using Microsoft.Extensions.Logging;

namespace TaskTonic.Dataflow.Logging;

/// <summary>
/// The logger factory a formula uses when none is given: one line per entry on the console (or a given writer),
/// <c>HH:mm:ss.fff level message</c>, exceptions below it. It filters nothing itself: what a tonic writes is decided
/// by its <see cref="LogMode"/>, so <see cref="LogMode.Full"/> shows every sparkle with its duration and
/// <see cref="LogMode.Stealth"/> nothing. For anything richer pass a factory from Microsoft.Extensions.Logging.
/// </summary>
public sealed class TonicConsoleLoggerFactory : ILoggerFactory
{
    private readonly TextWriter? _output;
    private readonly LogLevel _minimumLevel;
    private readonly Lock _gate = new();

    /// <summary>Creates a factory writing to <paramref name="output"/> (default: <see cref="Console.Out"/> at the time of each write).</summary>
    /// <param name="output">The writer; <see langword="null"/> for the console.</param>
    /// <param name="minimumLevel">Entries below this level are skipped; default <see cref="LogLevel.Trace"/> (everything).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumLevel"/> is not a defined level.</exception>
    public TonicConsoleLoggerFactory(TextWriter? output = null, LogLevel minimumLevel = LogLevel.Trace)
    {
        if (!Enum.IsDefined(minimumLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumLevel), minimumLevel, "Not a log level.");
        }

        _output = output;
        _minimumLevel = minimumLevel;
    }

    /// <summary>The console factory used by <see cref="FormulaSettings"/> by default.</summary>
    public static TonicConsoleLoggerFactory Console { get; } = new();

    /// <summary>Returns a logger that writes through this factory; the category is not printed.</summary>
    public ILogger CreateLogger(string categoryName) => new Writer(this);

    /// <summary>Not supported: this factory has a single fixed output.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("TonicConsoleLoggerFactory writes to one output; use Microsoft.Extensions.Logging's LoggerFactory to combine providers.");

    /// <summary>Does nothing: the factory holds no resources.</summary>
    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var line = $"{DateTime.Now:HH:mm:ss.fff} {LevelText(level)} {message}";
        lock (_gate)
        {
            var output = _output ?? System.Console.Out;
            output.WriteLine(line);
            if (exception is not null)
            {
                output.WriteLine(exception);
            }
        }
    }

    private static string LevelText(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "FAIL",
        _ => "CRIT",
    };

    private sealed class Writer(TonicConsoleLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= factory._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                ArgumentNullException.ThrowIfNull(formatter);
                factory.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}

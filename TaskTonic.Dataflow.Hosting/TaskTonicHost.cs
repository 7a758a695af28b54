using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>
/// The hosted service that runs the formula. Start runs it; stop (SIGTERM, Ctrl+C, <c>StopApplication</c>) first signals
/// <see cref="IntakeStopping"/>, then lets the catalysts' queues drain for up to <see cref="TaskTonicOptions.ShutdownTimeout"/>,
/// then finishes the tonics and logs a <see cref="DrainSummary"/> of what was not run.
/// </summary>
public sealed partial class TaskTonicHost : IHostedService, IDisposable
{
    private readonly IServiceProvider _provider;
    private readonly TaskTonicBuilder _builder;
    private readonly TaskTonicOptions _options;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<TaskTonicHost> _logger;
    private readonly TimeProvider _clock;
    private readonly Lazy<Formula> _formula;
    private readonly CancellationTokenSource _intake = new();
    private Task? _run;
    private volatile bool _stopping;

    /// <summary>Created by the service provider; see <see cref="TaskTonicServiceCollectionExtensions.AddTaskTonic"/>.</summary>
    public TaskTonicHost(IServiceProvider provider, TaskTonicBuilder builder, IOptions<TaskTonicOptions> options, ILogger<TaskTonicHost> logger)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _provider = provider;
        _builder = builder;
        _options = options.Value;
        _options.Validate();
        _logger = logger;
        _lifetime = provider.GetService<IHostApplicationLifetime>();
        _clock = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        _formula = new Lazy<Formula>(CreateFormula);
    }

    /// <summary>The formula this host runs (created on first access, with the bound options).</summary>
    public Formula Formula => _formula.Value;

    /// <summary>Cancelled when the host begins to stop: producers feeding tonics from outside stop sending then.</summary>
    public CancellationToken IntakeStopping => _intake.Token;

    /// <summary>Completes when the formula has finished (faulted when it failed); null before the host started.</summary>
    public Task? Completion => _run;

    /// <summary>What the last stop did, or null before the host stopped.</summary>
    public DrainSummary? LastDrain { get; private set; }

    /// <summary>The work orders waiting in all catalysts of the formula now.</summary>
    public int QueuedWorkOrders => Formula.Ledger.Snapshot().OfType<Catalyst>().Sum(c => c.QueuedWorkOrders);

    /// <summary>Starts the formula: builds the starting tonics and queues their starts.</summary>
    /// <exception cref="InvalidOperationException">The host was already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("The TaskTonic host was already started.");
        }

        var formula = Formula;
        foreach (var factory in _builder.StartingTonics)
        {
            formula.AddStartingTonic(() => factory(_provider));
        }

        _run = formula.RunAsync(CancellationToken.None); // the start token only covers starting; stop is StopAsync
        if (_run.IsFaulted)
        {
            return _run; // a starting tonic could not be built: the host does not start
        }

        LogStarted(_options.ProjectName, _builder.StartingTonics.Count);
        _ = _run.ContinueWith(static (run, state) => ((TaskTonicHost)state!).OnFormulaEnded(run), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>Stops intake, drains, finishes the tonics and logs what was not run; never throws for the formula's failure.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_run is null || _stopping)
        {
            return;
        }

        _stopping = true;
        var ledger = Formula.Ledger;
        var started = _clock.GetTimestamp();
        var droppedBefore = ledger.DroppedCount;
        await _intake.CancelAsync().ConfigureAwait(false);

        var drained = await DrainAsync(started, cancellationToken).ConfigureAwait(false);
        ledger.Shutdown();
        var finished = await WaitAsync(_run, _options.FinishTimeout, cancellationToken).ConfigureAwait(false);

        var summary = new DrainSummary(drained, _clock.GetElapsedTime(started), ledger.DroppedCount - droppedBefore,
            finished ? 0 : QueuedWorkOrders, finished);
        LastDrain = summary;
        if (summary.NotRun == 0 && finished)
        {
            LogDrained(summary.ToString());
        }
        else
        {
            LogNotRun(summary.NotRun, summary.ToString());
        }
    }

    /// <inheritdoc />
    public void Dispose() => _intake.Dispose();

    private Formula CreateFormula()
    {
        var loggers = _provider.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var formula = _builder.FormulaFactory(_provider, _options.ToFormulaSettings(loggers, _clock));
        return formula ?? throw new InvalidOperationException("The formula factory given to UseFormula returned null.");
    }

    /// <summary>True once the formula ended or every queue stayed empty for two polls in a row; false at the timeout.</summary>
    private async Task<bool> DrainAsync(long started, CancellationToken cancellationToken)
    {
        var emptyPolls = 0;
        while (!_run!.IsCompleted)
        {
            emptyPolls = QueuedWorkOrders == 0 ? emptyPolls + 1 : 0;
            if (emptyPolls >= 2)
            {
                return true;
            }

            if (_clock.GetElapsedTime(started) >= _options.ShutdownTimeout || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            await WaitAsync(_run, _options.DrainPollInterval, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits for <paramref name="task"/> at most <paramref name="timeout"/> on the host's clock; true when it completed.</summary>
    private async Task<bool> WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, _clock, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return task.IsCompleted;
        }
#pragma warning disable CA1031 // the formula's own failure is reported by OnFormulaEnded
        catch (Exception)
        {
            return true;
        }
#pragma warning restore CA1031
    }

    private void OnFormulaEnded(Task run)
    {
        if (run.Exception is { } failure)
        {
            LogFailed(failure.InnerException ?? failure);
        }
        else
        {
            LogFinished(_options.ProjectName);
        }

        if (!_stopping && _options.StopHostWhenFinished)
        {
            _lifetime?.StopApplication();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "TaskTonic formula '{Project}' started with {Count} starting tonics")]
    private partial void LogStarted(string project, int count);

    [LoggerMessage(2, LogLevel.Information, "TaskTonic formula '{Project}' finished")]
    private partial void LogFinished(string project);

    [LoggerMessage(3, LogLevel.Error, "TaskTonic formula failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(4, LogLevel.Information, "TaskTonic shutdown: {Summary}")]
    private partial void LogDrained(string summary);

    [LoggerMessage(5, LogLevel.Warning, "TaskTonic shutdown: {NotRun} work orders were not run: {Summary}")]
    private partial void LogNotRun(long notRun, string summary);
}

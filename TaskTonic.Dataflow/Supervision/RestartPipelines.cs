using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace TaskTonic.Dataflow.Supervision;

/// <summary>The Polly pipelines of a <see cref="RestartGroup"/>, built from its <see cref="RestartOptions"/> on the ledger's clock.</summary>
internal static class RestartPipelines
{
    /// <summary>
    /// The session pipeline: a retry strategy (one attempt per incarnation, backoff on the clock, no attempt limit) and
    /// the user's circuit breaker, if any.
    /// </summary>
    public static ResiliencePipeline Session(RestartOptions options, TimeProvider clock, Action<TimeSpan> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = new InlineTimeProvider(clock) };
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            Delay = options.Delay,
            BackoffType = options.BackoffType,
            UseJitter = options.UseJitter,
            MaxDelay = options.MaxDelay,
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is IncarnationFailedException
                && !args.Context.CancellationToken.IsCancellationRequested),
            OnRetry = args =>
            {
                onRetry(args.RetryDelay);
                return default;
            },
        });
        if (options.CircuitBreaker is { } breaker)
        {
            builder.AddCircuitBreaker(breaker);
        }

        return builder.Build();
    }

    /// <summary>
    /// The restart limit: a circuit breaker that only ever sees failures, so with a failure ratio of one it opens at the
    /// failure after <see cref="RestartOptions.MaxRestarts"/> within <see cref="RestartOptions.Window"/>.
    /// </summary>
    public static ResiliencePipeline Limit(RestartOptions options, TimeProvider clock, CircuitBreakerStateProvider state) =>
        new ResiliencePipelineBuilder { TimeProvider = new InlineTimeProvider(clock) }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = options.MaxRestarts!.Value + 1,
                SamplingDuration = options.Window,
                BreakDuration = TimeSpan.FromDays(1),
                StateProvider = state,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is IncarnationFailedException),
            })
            .Build();
}

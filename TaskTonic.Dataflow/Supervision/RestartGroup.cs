using Polly;
using Polly.CircuitBreaker;

namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// The restart state of one supervised infusion (one-for-one) or one all-for-one group, driven by a Polly pipeline.
/// A restart session is one pipeline execution: attempt 0 reports the failure that started it; the retry strategy waits
/// the backoff on the ledger's clock and calls the next attempt, which restarts the members and completes with their
/// next failure. The session ends (and the backoff starts over) when an incarnation ran longer than the reset time or
/// completed. The restart limit is a second Polly pipeline, a circuit breaker that sees only failures (so a failure
/// ratio of one means "more than N failures within the window"), consulted on every failure. A failed session
/// pipeline (a user circuit breaker that opened) also means the limit was reached.
/// </summary>
internal sealed class RestartGroup
{
    [ThreadStatic] private static (RestartGroup Group, Tonic Member)? t_inline;

    private readonly Ledger _ledger;
    private readonly RestartOptions _options;
    private readonly Tonic? _supervisor;
    private readonly Lock _gate = new();
    private ResiliencePipeline? _pipeline;
    private ResiliencePipeline? _limitPipeline;
    private CircuitBreakerStateProvider? _limit;
    private Session? _session;
    private Tonic[] _members = [];
    private volatile bool _restartPending;

    public RestartGroup(Ledger ledger, SupervisionPolicy policy, Tonic? allForOneSupervisor)
    {
        _ledger = ledger;
        _options = policy.Restarts;
        _supervisor = allForOneSupervisor;
    }

    /// <summary>
    /// A member failed and was suspended (on its catalyst). <paramref name="members"/> are the incarnations to restart.
    /// </summary>
    public void OnFailure(Tonic failed, Exception exception, Tonic[] members)
    {
        if (_options.MaxRestarts == 0 || LimitReached(exception))
        {
            Session? ended;
            lock (_gate)
            {
                _members = members;
                ended = _session;
                _session = null;
            }

            if (ended is not null)
            {
                Inline.Run(static s =>
                {
                    s.Cancel.Cancel();
                    s.Outcome?.TrySetCanceled();
                }, ended);
            }

            GiveUp(exception);
            return;
        }

        _restartPending = false;
        Session? start = null;
        TaskCompletionSource? fail = null;
        TaskCompletionSource? succeed = null;
        lock (_gate)
        {
            _members = members;
            var session = _session;
            if (session is null)
            {
                _session = start = new Session(exception);
            }
            else if (session.Outcome is null)
            {
                // A restart is already scheduled (backoff running or restart queued): it restarts these members too.
                session.Last = exception;
            }
            else if (_ledger.TimeProvider.GetElapsedTime(session.StartedAt) >= _options.EffectiveResetAfter)
            {
                succeed = session.Outcome;
                session.Outcome = null;
                _session = start = new Session(exception);
            }
            else
            {
                fail = session.Outcome;
                session.Outcome = null;
                session.Last = exception;
            }
        }

        var saved = t_inline;
        t_inline = (this, failed);
        try
        {
            Inline.Run(static s =>
            {
                s.succeed?.TrySetResult();
                s.fail?.TrySetException(new IncarnationFailedException(s.exception));
                if (s.start is not null)
                {
                    _ = s.group.RunSessionAsync(s.start);
                }
            }, (group: this, succeed, fail, start, exception));
        }
        finally
        {
            t_inline = saved;
        }
    }

    /// <summary>A member failed: members suspended from now on wait for the next attempt (called before they are suspended).</summary>
    public void NoteFailure() => _restartPending = false;

    /// <summary>True once the current attempt asked the suspended members to restart (until the next failure).</summary>
    public bool RestartPending => _restartPending;

    /// <summary>The factory threw while restarting a member: the attempt failed (retried with backoff).</summary>
    public void RestartFailed(Exception exception)
    {
        TaskCompletionSource? fail;
        lock (_gate)
        {
            fail = _session?.Outcome;
            if (_session is { } session)
            {
                session.Outcome = null;
                session.Last = exception;
            }
        }

        Inline.Run(static s => s.fail?.TrySetException(new IncarnationFailedException(s.exception)), (fail, exception));
    }

    /// <summary>A one-for-one member completed normally: its session (if any) ends well.</summary>
    public void MemberCompleted()
    {
        TaskCompletionSource? succeed;
        lock (_gate)
        {
            succeed = _session?.Outcome;
            _session = null;
        }

        Inline.Run(static s => s?.TrySetResult(), succeed);
    }

    /// <summary>A suspended member was finished while it waited; with no member left to restart the session ends.</summary>
    public void MemberFinished(Tonic member)
    {
        Session? cancel = null;
        lock (_gate)
        {
            _members = [.. _members.Where(m => !ReferenceEquals(m, member))];
            if (_members.All(m => !m.IsSuspendedForRestart(this)) && _session is { } session)
            {
                cancel = session;
                _session = null;
            }
        }

        if (cancel is not null)
        {
            Inline.Run(static s =>
            {
                s.Cancel.Cancel();
                s.Outcome?.TrySetCanceled();
            }, cancel);
        }
    }

    private async Task RunSessionAsync(Session session)
    {
        try
        {
            await Pipeline.ExecuteAsync(static (state, _) => state.group.Attempt(state.session), (group: this, session), session.Cancel.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (session.Cancel.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            var cause = ex is IncarnationFailedException { InnerException: { } inner } ? inner : session.Last;
            bool current;
            lock (_gate)
            {
                current = ReferenceEquals(_session, session);
                if (current)
                {
                    _session = null;
                }
            }

            if (current)
            {
                GiveUp(cause);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_session, session))
                {
                    _session = null;
                }
            }
        }
    }

    private ValueTask Attempt(Session session)
    {
        if (session.Attempts++ == 0)
        {
            return ValueTask.FromException(new IncarnationFailedException(session.First));
        }

        var outcome = new TaskCompletionSource();
        Tonic[] members;
        lock (_gate)
        {
            session.Outcome = outcome;
            session.StartedAt = _ledger.TimeProvider.GetTimestamp();
            members = _members;
        }

        // Restart at once when this attempt runs inside the failure's own handling, on the member's catalyst: the
        // work still queued for the old instance is then forwarded to the new one in order, without being held.
        if (t_inline is { } inline && ReferenceEquals(inline.Group, this) && _supervisor is null && members.Length == 1
            && ReferenceEquals(members[0], inline.Member) && inline.Member.CanRestartInline())
        {
            t_inline = null;
            inline.Member.RestartNow();
        }
        else
        {
            _restartPending = true;
            foreach (var member in members)
            {
                member.RequestRestart(this);
            }
        }

        return new ValueTask(outcome.Task);
    }

    /// <summary>Records a failure in the limit breaker; true when it is open (more than MaxRestarts failures within the window).</summary>
    private bool LimitReached(Exception exception)
    {
        if (_options.MaxRestarts is null)
        {
            return false;
        }

        ResiliencePipeline pipeline;
        lock (_gate)
        {
            pipeline = _limitPipeline ??= RestartPipelines.Limit(_options, _ledger.TimeProvider, _limit = new CircuitBreakerStateProvider());
        }

        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var outcome = pipeline.ExecuteOutcomeAsync(
                static (_, failure) => new ValueTask<Outcome<bool>>(Outcome.FromException<bool>(failure)),
                context, new IncarnationFailedException(exception)).AsTask().GetAwaiter().GetResult();
            return outcome.Exception is BrokenCircuitException || _limit!.CircuitState != CircuitState.Closed;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private void GiveUp(Exception cause)
    {
        Tonic[] members;
        lock (_gate)
        {
            members = _members;
            _members = [];
        }

        var directive = _options.WhenExhausted;
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            _ledger.Supervision.Publish(SupervisionEventKind.LimitReached, member.Incarnation, cause);
            SupervisionLog.LimitReached(_ledger.GetLogger(member.GetType()), cause, member.Name, directive);

            // One-for-one: the member's base fails; all-for-one: the group's supervisor, every member's base (once).
            member.StopWhenSuspended(this, cause, escalate: directive == SupervisionDirective.Escalate && i == 0);
        }
    }

    private void OnRetry(TimeSpan delay)
    {
        Tonic[] members;
        lock (_gate)
        {
            members = _members;
        }

        foreach (var member in members)
        {
            _ledger.Supervision.Publish(SupervisionEventKind.RestartScheduled, member.Incarnation, null, delay);
        }
    }

    private ResiliencePipeline Pipeline
    {
        get
        {
            lock (_gate)
            {
                return _pipeline ??= RestartPipelines.Session(_options, _ledger.TimeProvider, OnRetry);
            }
        }
    }

    private sealed class Session(Exception first)
    {
        public CancellationTokenSource Cancel { get; } = new();

        public Exception First { get; } = first;

        public Exception Last { get; set; } = first;

        public int Attempts { get; set; }

        /// <summary>Completes with the next failure of the restarted members (what the pipeline's current attempt awaits).</summary>
        public TaskCompletionSource? Outcome { get; set; }

        public long StartedAt { get; set; }
    }
}

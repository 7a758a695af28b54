using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Sparkles;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    private const int MaxTransitionsPerSparkle = 10_000;

    private volatile int _state = NoState;
    private bool _hasPendingState;
    private int _pendingState;
    private bool _pendingForce;

    /// <summary>The current state (an index into <see cref="TonicDescriptor.States"/>), or <see cref="NoState"/>.</summary>
    /// <remarks>Read from another thread, the value may already be stale.</remarks>
    public int State => _state;

    /// <summary>The current state's name, or null when the tonic has no state.</summary>
    public string? StateName => _descriptor.StateName(_state);

    /// <summary>
    /// Requests a transition. It happens after the running sparkle returns: the old state's exit hook, the change,
    /// then the new state's enter hook run before any other work order of the catalyst. Of several requests in one
    /// sparkle, the last one wins. A request for the current state is ignored unless <paramref name="forceReenter"/>.
    /// <see cref="NoState"/> stops the state machine (exit hook, no enter hook).
    /// </summary>
    /// <param name="state">A generated <c>States</c> constant, or <see cref="NoState"/>.</param>
    /// <param name="forceReenter">Run exit and enter even when the tonic is already in <paramref name="state"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a state of this tonic.</exception>
    /// <exception cref="InvalidOperationException">Called outside one of this tonic's own sparkles, or while it is finishing.</exception>
    protected void ToState(int state, bool forceReenter = false)
    {
        if (state < NoState || state >= _descriptor.States.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state,
                $"{Name} has no state {state}. Valid states: {DescribeStateValues()}, or NoState (-1).");
        }

        if (!ReferenceEquals(Ambient.Tonic, this))
        {
            throw new InvalidOperationException(
                $"ToState on {Name} can only be called from inside one of its own sparkles; from elsewhere use RequestState.");
        }

        if (_phase >= Phase.Finishing)
        {
            throw new InvalidOperationException($"{Name} is finishing; its state machine has stopped.");
        }

        _hasPendingState = true;
        _pendingState = state;
        _pendingForce = forceReenter;
    }

    /// <summary>Requests a transition by state name; see <see cref="ToState(int, bool)"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a state of this tonic; the message lists the valid names.</exception>
    protected void ToState(string state, bool forceReenter = false) => ToState(ResolveState(state), forceReenter);

    /// <summary>Runs the current state's exit and enter hooks again (after the running sparkle). No-op without a state.</summary>
    protected void ReenterState()
    {
        if (_state != NoState)
        {
            ToState(_state, forceReenter: true);
        }
    }

    /// <summary>
    /// Queues a transition from anywhere (Python's <c>ttsc__to_state</c>): a work order that calls
    /// <see cref="ToState(int, bool)"/> when it runs. The value is checked now.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a state of this tonic.</exception>
    public void RequestState(int state, bool forceReenter = false)
    {
        if (state < NoState || state >= _descriptor.States.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state,
                $"{Name} has no state {state}. Valid states: {DescribeStateValues()}, or NoState (-1).");
        }

        PostSparkle(SystemSparkle.RequestState, new StateRequest(state, forceReenter));
    }

    /// <summary>Queues a transition by state name; see <see cref="RequestState(int, bool)"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a state of this tonic.</exception>
    public void RequestState(string state, bool forceReenter = false) => RequestState(ResolveState(state), forceReenter);

    private int ResolveState(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var index = _descriptor.FindState(state);
        return index >= 0 ? index : throw new ArgumentException(
            $"{Name} has no state '{state}'. Valid states: {_descriptor.DescribeStates()}.", nameof(state));
    }

    private string DescribeStateValues() =>
        _descriptor.States.Count == 0 ? "(none declared)" : string.Join(", ", _descriptor.States.Select((s, i) => $"{i} = {s}"));

    private void RunRequestedState(in WorkOrder order)
    {
        var request = (StateRequest)order.Args!;
        var observer = _ledger.Observer;
        observer?.Entering(this, SystemSparkle.RequestState, order);
        var context = Ambient.Active;
        var outer = context.Sparkle;
        context.Sparkle = SystemSparkle.RequestState;
        try
        {
            ToState(request.State, request.Force);
        }
        finally
        {
            context.Sparkle = outer;
            observer?.Exited(this, SystemSparkle.RequestState, null);
        }
    }

    /// <summary>Runs requested transitions (exit, change, enter) until none is pending.</summary>
    private void RunPendingTransitions(in WorkOrder order)
    {
        var count = 0;
        while (_hasPendingState && _phase < Phase.Finishing)
        {
            _hasPendingState = false;
            var target = _pendingState;
            if (target == _state && !_pendingForce)
            {
                continue;
            }

            if (++count > MaxTransitionsPerSparkle)
            {
                _ledger.ReportFailure(new SparkleFailure(this, SystemSparkle.NameOf(SystemSparkle.StateChange), StateName,
                    SourceOf(order.Source, order.SourceSparkle),
                    new InvalidOperationException($"{Name} made more than {MaxTransitionsPerSparkle} transitions after one sparkle; the enter/exit hooks loop.")));
                return;
            }

            if (_state != NoState)
            {
                InvokeHook(TonicDescriptor.OnExit, order);
                if (_phase == Phase.Suspended)
                {
                    return; // the exit hook failed and the supervisor took the tonic over
                }
            }

            ChangeState(target);
            if (target != NoState)
            {
                InvokeHook(TonicDescriptor.OnEnter, order);
            }
        }
    }

    private void ChangeState(int target)
    {
        var old = _state;
        _state = target;
        LogStateChange(old, target);
        _ledger.Observer?.StateChanged(this, old, target);
    }

    private sealed record StateRequest(int State, bool Force);
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The grain of one key. Orleans runs one turn at a time (not reentrant); each <see cref="Deliver"/> turn runs the
/// command on the key's tonic, whose catalyst the turn itself runs (<see cref="KeyedTonicActivation{T}"/>), so turns
/// and sparkles never overlap and the key's commands run in the order the grain accepted them, with no second queue.
/// Activation restores the tonic from grain storage before the first command; deactivation saves it and finishes it.
/// </summary>
internal sealed class KeyedTonicGrain(
    [PersistentState("keyed-tonic", KeyedTonicSiloBuilderExtensions.StorageName)] IPersistentState<KeyedTonicGrainState> state,
    IServiceProvider services)
    : Grain, IKeyedTonicGrain
{
    private IKeyedTonicRuntime _runtime = null!;
    private IKeyedTonicActivation? _tonic;
    private int _checkpointEvery;
    private int _sinceCheckpoint;
    private Guid _sender;        // the sender whose last sequence is cached in _lastSequence, not yet in the state's table
    private long _lastSequence;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (partition, key) = GrainKey.Split(this.GetPrimaryKeyString());
        _runtime = services.GetServices<IKeyedTonicRuntime>().FirstOrDefault(r => r.Name == partition)
            ?? throw new KeyedTonicException($"No keyed-tonic partition '{partition}' is registered on this silo (AddKeyedTonics).");
        _checkpointEvery = _runtime.CheckpointEvery;
        _tonic = await _runtime.ActivateAsync(key, state.State.Snapshot);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_tonic is null)
        {
            return;
        }

        var snapshot = await _tonic.SnapshotAsync(finish: true).AsTask().WaitAsync(cancellationToken);
        // work that reached the tonic between turns (timers, task deliveries, other tonics) changes its state too
        var stateChanged = _runtime.Persists && !SameBytes(state.State.Snapshot, snapshot);
        if (_sinceCheckpoint > 0 || stateChanged)
        {
            // also without a persist hook: the sequence table keeps deduplicating after reactivation
            if (_runtime.Persists)
            {
                state.State.Snapshot = snapshot;
            }

            await WriteStateAsync(cancellationToken);
        }
    }

    public async ValueTask Deliver(byte[] command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (handler, sender, sequence, deduplicate, payload) = CommandFrame.Read(command);
        if (deduplicate && sequence > 0 && sequence <= LastSequenceOf(sender))
        {
            throw new DuplicateCommandException($"Command {sequence} of sender {sender} was already applied.");
        }

        var checkpoint = _sinceCheckpoint + 1 >= _checkpointEvery;
        var snapshot = await _tonic!.ApplyAsync(handler, payload, snapshotAfter: checkpoint);
        if (sequence > 0)
        {
            RecordSequence(sender, sequence);
        }

        _sinceCheckpoint++;
        if (checkpoint)
        {
            if (_runtime.Persists)
            {
                state.State.Snapshot = snapshot;
            }

            await WriteStateAsync(CancellationToken.None);
            _sinceCheckpoint = 0;
        }
    }

    public Task<byte[]?> Snapshot() => _tonic!.SnapshotAsync(finish: false).AsTask();

    public Task Passivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>The last sequence applied from <paramref name="sender"/>; makes it the cached sender (one sender usually sends all of a key's messages).</summary>
    private long LastSequenceOf(Guid sender)
    {
        if (sender != _sender)
        {
            FlushSender();
            _sender = sender;
            _lastSequence = state.State.LastSequences.GetValueOrDefault(sender);
        }

        return _lastSequence;
    }

    private void RecordSequence(Guid sender, long sequence)
    {
        if (sequence > LastSequenceOf(sender))
        {
            _lastSequence = sequence; // LastSequenceOf made the sender the cached one
        }
    }

    private void FlushSender()
    {
        if (_lastSequence > 0)
        {
            state.State.LastSequences[_sender] = _lastSequence;
        }
    }

    private static bool SameBytes(byte[]? stored, byte[]? current) =>
        stored is not null && current is not null && stored.AsSpan().SequenceEqual(current);

    private Task WriteStateAsync(CancellationToken cancellationToken)
    {
        FlushSender();
        return state.WriteStateAsync(cancellationToken);
    }
}

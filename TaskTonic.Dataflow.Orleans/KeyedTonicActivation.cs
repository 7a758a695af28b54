using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>The key's tonic as its grain sees it (type-erased over the tonic type).</summary>
internal interface IKeyedTonicActivation
{
    /// <summary>Applies the command on the tonic (a sparkle decodes it and runs its handler); returns a snapshot when asked.</summary>
    ValueTask<byte[]?> ApplyAsync(long handler, ReadOnlyMemory<byte> payload, bool snapshotAfter);

    /// <summary>The persist hook's value after all earlier work (null without one); with <paramref name="finish"/>, the tonic then finishes.</summary>
    ValueTask<byte[]?> SnapshotAsync(bool finish);
}

/// <summary>
/// One activation of a key on this silo: the key's tonic on a catalyst of its own, whose loop the grain's turn holds.
/// Orleans runs one turn of the grain at a time; a turn takes the loop, runs its step (at once on an idle loop, else
/// queued) and the catalyst's work orders on the turn's own thread until the step is done, then gives the loop back. So a command costs no thread hop
/// and no second queue: the grain's turn is the catalyst's run. Work that reaches the tonic between turns (its timers,
/// other tonics) runs on a thread-pool drain of the same loop; a turn that finds the drain busy queues its step behind
/// it and awaits it (the slow path).
/// </summary>
internal sealed class KeyedTonicActivation<T> : IKeyedTonicActivation
    where T : Tonic
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(60);
    private static readonly Func<T, byte[]?> NoSnapshot = static _ => null;
    private readonly HeldCatalystLoop _loop;
    private readonly HeldCommand<T> _held;
    private readonly T _tonic;
    private readonly KeyedTonicSiloOptions<T> _options;
    private readonly string _label;

    private KeyedTonicActivation(HeldCatalystLoop loop, T tonic, KeyedTonicSiloOptions<T> options, string label) =>
        (_loop, _held, _tonic, _options, _label) = (loop, new HeldCommand<T>(tonic, loop), tonic, options, label);

    /// <summary>Creates the catalyst and the tonic under <paramref name="home"/>, restores <paramref name="snapshot"/> and runs the tonic's start, all on the calling turn.</summary>
    public static async ValueTask<KeyedTonicActivation<T>> CreateAsync(Tonic home, string label, Func<TonicOptions, T> factory,
        KeyedTonicSiloOptions<T> options, byte[]? snapshot)
    {
        HeldCatalystLoop? loop = null;
        T tonic;
        try
        {
            tonic = home.Ledger.Spawn(() =>
            {
                // held from its creation: the catalyst's and the tonic's starts wait for this turn to run them
                var catalyst = new Catalyst(new CatalystOptions
                {
                    Parent = home,
                    Loop = c =>
                    {
                        loop = new HeldCatalystLoop(c.Execute);
                        loop.TryHold();
                        return loop;
                    },
                });
                var created = factory(new TonicOptions { Parent = home, Catalyst = catalyst });

                // a throw here undoes both registrations (the spawn scope abandons what it built)
                return created is not null && ReferenceEquals(created.Parent, home) && ReferenceEquals(created.Catalyst, catalyst)
                    ? created
                    : throw new InvalidOperationException(
                        $"The factory of {label} must return a new {typeof(T).Name} created with the TonicOptions it was given (base and catalyst).");
            }, home);
        }
        catch
        {
            loop?.Release();
            throw;
        }

        var activation = new KeyedTonicActivation<T>(loop!, tonic, options, label);
        while (loop!.TryRunOne())
        {
        }

        loop.Release();
        if (snapshot is not null && options.Restore is { } restore)
        {
            await activation.RunAsync(new TonicStep<T>(tonic, restore, snapshot, NoSnapshot)).ConfigureAwait(false);
        }

        return activation;
    }

    public ValueTask<byte[]?> ApplyAsync(long handler, ReadOnlyMemory<byte> payload, bool snapshotAfter)
    {
        if (!_options.Handlers.TryGetValue(handler, out var known))
        {
            throw new KeyedTonicException($"{_label} has no handler for message type {_options.NameOf(handler)}.");
        }

        Func<T, byte[]?>? save = snapshotAfter ? _options.Save : null;
        return save is null && _loop.TryHold()
            ? _held.RunAndRelease(known.Apply, payload, _label)
            : RunAsync(new TonicStep<T>(_tonic, known.Apply, payload, save ?? NoSnapshot));
    }

    public ValueTask<byte[]?> SnapshotAsync(bool finish)
    {
        var save = _options.Save;
        return RunAsync(new TonicStep<T>(_tonic, null, default, tonic =>
        {
            var state = save?.Invoke(tonic);
            if (finish)
            {
                tonic.Finish();
            }

            return state;
        }));
    }

    private ValueTask<byte[]?> RunAsync(TonicStep<T> step)
    {
        if (_loop.TryHold())
        {
            return RunHeld(step);
        }

        step.Post(awaited: true);
        return new ValueTask<byte[]?>(AwaitAsync(step));
    }

    /// <summary>On the turn that holds the loop: queues the step and runs the catalyst's work orders until it is done.</summary>
    private ValueTask<byte[]?> RunHeld(TonicStep<T> step)
    {
        try
        {
            step.Post(awaited: false);
            while (!step.IsDone && _loop.TryRunOne())
            {
            }
        }
        finally
        {
            _loop.Release();
        }

        try
        {
            return ValueTask.FromResult(step.Result(_label));
        }
        catch (KeyedTonicException ex)
        {
            return ValueTask.FromException<byte[]?>(ex);
        }
    }

    private async Task<byte[]?> AwaitAsync(TonicStep<T> step)
    {
        try
        {
            return await step.Completion.WaitAsync(AckTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new KeyedTonicException($"The tonic of {_label} did not acknowledge within {AckTimeout.TotalSeconds} s (dropped or stuck).");
        }
        catch (Exception ex) when (ex is not KeyedTonicException)
        {
            throw TonicStep<T>.Wrap(ex, _label);
        }
    }
}

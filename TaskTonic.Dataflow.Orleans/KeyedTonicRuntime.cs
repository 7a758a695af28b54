namespace TaskTonic.Dataflow.Orleans;

/// <summary>The silo side of one partition, as the grain sees it (type-erased over the key and tonic types).</summary>
internal interface IKeyedTonicRuntime
{
    string Name { get; }

    int CheckpointEvery { get; }

    bool Persists { get; }

    /// <summary>Creates the key's tonic on this silo (restored from <paramref name="snapshot"/> when given), on the calling grain turn.</summary>
    ValueTask<IKeyedTonicActivation> ActivateAsync(string key, byte[]? snapshot);
}

/// <summary>
/// Runs one partition's keyed tonics on this silo: a <see cref="KeyedTonicHome"/> of the silo's formula is the base of
/// every key's catalyst and tonic; each grain activation creates its key's pair (<see cref="KeyedTonicActivation{T}"/>).
/// </summary>
internal sealed class KeyedTonicRuntime<TKey, T>(string name, Func<TKey, TonicOptions, T> factory, KeyedTonicSiloOptions<T> options, Formula formula)
    : IKeyedTonicRuntime
    where TKey : notnull
    where T : Tonic
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private KeyedTonicHome? _home;

    public string Name { get; } = name;

    public int CheckpointEvery => options.CheckpointEvery;

    public bool Persists => options.Save is not null;

    public async ValueTask<IKeyedTonicActivation> ActivateAsync(string key, byte[]? snapshot)
    {
        var home = Volatile.Read(ref _home) ?? await StartAsync().ConfigureAwait(false);
        if (home.IsFinishing)
        {
            throw new KeyedTonicException($"Partition '{Name}' on this silo is finishing; {Name}/{key} was not activated.");
        }

        var parsed = KeyFormat<TKey>.Parse(key);
        return await KeyedTonicActivation<T>.CreateAsync(home, $"{Name}/{key}", o => factory(parsed, o), options, snapshot).ConfigureAwait(false);
    }

    /// <summary>Creates the home tonic: a starting tonic of the silo's formula (it runs from the host's start).</summary>
    public Tonic CreateHome()
    {
        var home = new KeyedTonicHome(new TonicOptions { Name = $"{Name}-keys" });
        Volatile.Write(ref _home, home);
        return home;
    }

    /// <summary>Waits (bounded) for the silo's formula to have created the home: grains may activate before the host started it.</summary>
    private async Task<KeyedTonicHome> StartAsync()
    {
        var waited = TimeSpan.Zero;
        KeyedTonicHome? home;
        while ((home = Volatile.Read(ref _home)) is null)
        {
            if (waited > StartTimeout || formula.Status == FormulaStatus.MainFinished)
            {
                throw new KeyedTonicException($"The silo's TaskTonic formula has not started partition '{Name}' (status {formula.Status}).");
            }

            await Task.Delay(10).ConfigureAwait(false);
            waited += TimeSpan.FromMilliseconds(10);
        }

        return home;
    }
}

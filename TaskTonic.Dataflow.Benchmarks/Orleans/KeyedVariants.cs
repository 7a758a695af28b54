using MessagePack;
using MessagePack.Resolvers;
using Orleans.TestingHost;
using TaskTonic.Dataflow.Orleans;
using TaskTonic.Dataflow.Partitioning;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>One way of sending keyed numbers: each send's task completes once the key's handler ran.</summary>
internal interface IKeyedVariant
{
    string Name { get; }

    int Silos { get; }

    Task SendAsync(int key, long number);

    Task<KeyTally?> TallyAsync(int key);

    /// <summary>Messages the layer itself counts as failed or duplicated (must stay 0).</summary>
    long Anomalies { get; }
}

/// <summary>a) In process: <c>partition.For(key)</c> on a local catalyst pool; <c>Take</c> then an acknowledging <c>Ack</c> sparkle.</summary>
internal sealed class InProcessVariant : IKeyedVariant, IDisposable
{
    private readonly Formula _formula = new(new FormulaOptions { DefaultLogMode = LogMode.Stealth });
    private readonly Task _run;
    private readonly InProcessHost _host;

    public InProcessVariant()
    {
        InProcessHost? host = null;
        _formula.AddStartingTonic(() => host = new InProcessHost());
        _run = _formula.RunAsync();
        _host = host!;
        while (Volatile.Read(ref _host.Partition) is null)
        {
            Thread.Yield();
        }
    }

    public string Name => "in-process `partition.For(key)`";

    public int Silos => 0;

    public long Anomalies => 0;

    public Task SendAsync(int key, long number)
    {
        var tonic = _host.Partition!.For(key);
        var ack = new Ack();
        tonic.Take(number);
        tonic.Ack(ack);
        return ack.Done.Task;
    }

    public async Task<KeyTally?> TallyAsync(int key)
    {
        var tonic = _host.Partition!.For(key);
        var ack = new Ack();
        tonic.Ack(ack);
        await ack.Done.Task.ConfigureAwait(false);
        return tonic.Tally;
    }

    public void Dispose()
    {
        _formula.Ledger.Shutdown();
        _run.Wait(TimeSpan.FromSeconds(30));
    }
}

/// <summary>The in-process variant's starting tonic: a catalyst pool (one per core, as on a silo) and the partition.</summary>
internal sealed partial class InProcessHost : Tonic
{
#pragma warning disable CA1051 // read with Volatile by the variant
    public Partition<int, BenchKeyedTonic>? Partition;
#pragma warning restore CA1051

    private void ttse__on_start()
    {
        var pool = new CatalystPool(new CatalystPoolOptions { Name = "bench-pool" });
        Volatile.Write(ref Partition, new Partition<int, BenchKeyedTonic>(pool, (_, options) => new BenchKeyedTonic(options)));
    }
}

/// <summary>
/// b, c) Our layer: <see cref="OrleansPartition{TKey}"/> (default guarantee, at-least-once deduplicated) to the keyed-tonic
/// grains, <c>For(key)</c> per message; diagnostic: each key's <see cref="KeyedTonicRef{TKey}"/> taken once and kept (on keys of its own).
/// </summary>
internal sealed class OursVariant(TestCluster cluster, int silos, bool keptReferences = false) : IKeyedVariant
{
    private readonly OrleansPartition<int> _partition = new(cluster.Client, BenchCluster.Partition);
    private readonly KeyedTonicRef<int>?[] _references = new KeyedTonicRef<int>?[OrleansBenchmark.AllKeys];

    public string Name => keptReferences
        ? $"ours (diagnostic: `KeyedTonicRef` kept per key), {Silos} silo{Plural}"
        : $"ours: `OrleansPartition`, {Silos} silo{Plural}";

    public bool KeptReferences => keptReferences;

    public int Silos => silos;

    public long Anomalies => _partition.Failed + _partition.Duplicates;

    private string Plural => Silos == 1 ? string.Empty : "s";

    private int KeyBase => keptReferences ? 1_000_000 : 0;

    public Task SendAsync(int key, long number) => keptReferences
        ? (_references[key] ??= _partition.For(KeyBase + key)).SendAsync(new Work(number))
        : _partition.For(key).SendAsync(new Work(number));

    public Task<KeyTally?> TallyAsync(int key) => _partition.SnapshotAsync<KeyTally>(KeyBase + key);
}

/// <summary>How the plain-grain baseline calls its grains.</summary>
internal enum PlainMode
{
    /// <summary>The baseline: <c>GetGrain(key).Deliver(n)</c> per message, as Orleans code is usually written.</summary>
    PerCall,

    /// <summary>Diagnostic: grain references made once per key and kept (as our partition keeps them per key lane).</summary>
    CachedReferences,

    /// <summary>Diagnostic: the work handed off the grain turn to the thread pool and awaited.</summary>
    OffTurn,

    /// <summary>Diagnostic: references kept, and the number sent as a MessagePack-serialized message (the serialization our layer adds, without the rest of it).</summary>
    Serialized,
}

/// <summary>d) Baseline: a plain grain call per message, same client, same driver; each mode on keys of its own.</summary>
internal sealed class PlainGrainVariant(TestCluster cluster, int silos, PlainMode mode = PlainMode.PerCall) : IKeyedVariant
{
    private readonly IPlainKeyedGrain?[] _references = new IPlainKeyedGrain?[OrleansBenchmark.AllKeys];

    public string Name => mode switch
    {
        PlainMode.CachedReferences => $"plain Orleans grains (diagnostic: grain references kept per key), {Silos} silo{Plural}",
        PlainMode.OffTurn => $"plain Orleans grains (diagnostic: work handed off the turn and awaited), {Silos} silo{Plural}",
        PlainMode.Serialized => $"plain Orleans grains (diagnostic: references kept, message sent MessagePack-serialized), {Silos} silo{Plural}",
        _ => $"plain Orleans grains, {Silos} silo{Plural}",
    };

    public PlainMode Mode => mode;

    public int Silos => silos;

    public long Anomalies => 0;

    private string Plural => Silos == 1 ? string.Empty : "s";

    private long KeyBase => (long)mode * 1_000_000;

    public Task SendAsync(int key, long number) => mode switch
    {
        PlainMode.CachedReferences => (_references[key] ??= cluster.Client.GetGrain<IPlainKeyedGrain>(KeyBase + key)).Deliver(number),
        PlainMode.OffTurn => cluster.Client.GetGrain<IPlainKeyedGrain>(KeyBase + key).DeliverOffTurn(number),
        PlainMode.Serialized => (_references[key] ??= cluster.Client.GetGrain<IPlainKeyedGrain>(KeyBase + key))
            .DeliverSerialized(MessagePackSerializer.Serialize(new Work(number), ContractlessStandardResolver.Options)),
        _ => cluster.Client.GetGrain<IPlainKeyedGrain>(KeyBase + key).Deliver(number),
    };

    public async Task<KeyTally?> TallyAsync(int key) => await cluster.Client.GetGrain<IPlainKeyedGrain>(KeyBase + key).Tally().ConfigureAwait(false);
}

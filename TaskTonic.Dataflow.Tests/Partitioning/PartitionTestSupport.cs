using System.Collections.Concurrent;
using TaskTonic.Dataflow.Partitioning;

namespace TaskTonic.Dataflow.Tests.Partitioning;

/// <summary>A keyed tonic that records what it received and checks per-sender order.</summary>
internal sealed partial class Account : Tonic
{
    public Account(string key, TonicOptions options)
        : base(options)
    {
        Key = key;
    }

    public string Key { get; }

    public int Balance { get; set; }

    public List<int> Seen { get; } = [];

    public ConcurrentDictionary<string, int> Catalysts { get; } = new();

    public Action? OnAdd { get; set; }

    private void ttsc__add(int amount)
    {
        Seen.Add(amount);
        Balance += amount;
        Catalysts.AddOrUpdate(Catalyst.Name, 1, (_, c) => c + 1);
        OnAdd?.Invoke();
    }
}

/// <summary>Creates a pool and a partition in its start, as an application would.</summary>
internal sealed partial class Bank : Tonic
{
    private readonly int _size;
    private readonly PartitionOptions<string, Account>? _options;

    public Bank(int size, PartitionOptions<string, Account>? options = null)
    {
        _size = size;
        _options = options;
    }

    public CatalystPool? Pool { get; private set; }

    public Partition<string, Account>? Accounts { get; private set; }

    private void ttse__on_start()
    {
        Pool = new CatalystPool(new CatalystPoolOptions { Name = "pool", Size = _size });
        Accounts = new Partition<string, Account>(Pool, (key, options) => new Account(key, options), _options);
    }

    private void ttsc__deposit(string key, int amount) => Accounts!.For(key).Add(amount);

    private void ttsc__close() => Finish();
}

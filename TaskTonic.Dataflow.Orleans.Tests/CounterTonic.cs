using System.Collections.Concurrent;
using MessagePack;
using TaskTonic.Dataflow.Tasks;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>A keyed message: the sender's per-key running number.</summary>
[MessagePackObject]
public sealed record Add([property: Key(0)] long Number);

/// <summary>A keyed message whose handler throws the first time it sees <see cref="Id"/> (a transient failure).</summary>
[MessagePackObject]
public sealed record FailOnce([property: Key(0)] string Id);

/// <summary>A keyed message whose number is counted later, when the test releases <see cref="DeferredWork.For"/>(<see cref="Id"/>).</summary>
[MessagePackObject]
public sealed record Later([property: Key(0)] string Id, [property: Key(1)] long Number);

/// <summary>A keyed message whose handler queues its number on the tonic and then throws.</summary>
[MessagePackObject]
public sealed record TakeThenFail([property: Key(0)] long Number);

/// <summary>A message no silo registers a handler for.</summary>
[MessagePackObject]
public sealed record NotHandled([property: Key(0)] long Number);

/// <summary>The persisted state of a counter.</summary>
[MessagePackObject]
public sealed record CounterState([property: Key(0)] long Count, [property: Key(1)] long Last, [property: Key(2)] long OutOfOrder);

/// <summary>
/// The keyed tonic of the tests: counts numbers, checks they arrive in order, and counts its incarnations. Numbers come
/// in through its command <c>Take</c> (a recorded sparkle, so a recording made on a silo replays in the Distiller).
/// </summary>
public sealed partial class CounterTonic : Tonic
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();
    public static readonly ConcurrentDictionary<string, byte> Failed = new();

    /// <summary>The ledger (so the silo) of each key's latest tonic.</summary>
    public static readonly ConcurrentDictionary<string, Ledger> Homes = new();

    /// <summary>Keys with this prefix name their tonic after the key, so a recording of it finds its tonic in a replay (names are unique among live tonics, so only where a test needs it).</summary>
    public const string NamedPrefix = "named-";

    public CounterTonic(string key, TonicOptions options)
        : base(key.StartsWith(NamedPrefix, StringComparison.Ordinal)
            ? new TonicOptions { Name = key, Parent = options.Parent, Catalyst = options.Catalyst, LogMode = options.LogMode, Mailbox = options.Mailbox }
            : options)
    {
        Key = key;
        Activations.AddOrUpdate(key, 1, (_, n) => n + 1);
        Homes[key] = Ledger;
    }

    public string Key { get; }

    public CounterState Counter { get; set; } = new(0, 0, 0);

    private void ttsc__take(long number) => Tally(number);

    private void Tally(long number) => Counter = new CounterState(Counter.Count + 1, number,
        Counter.OutOfOrder + (number == Counter.Last + 1 ? 0 : 1));

    /// <summary>Binds the release of <paramref name="later"/>'s work: its number is counted when the test releases it (and the hold, if any, is set).</summary>
    public void Apply(Later later)
    {
        var work = DeferredWork.For(later.Id);
        work.Catalyst = Catalyst;
        work.HandledOnTurn = TaskScheduler.Current != TaskScheduler.Default;
        work.Released.Task.DeliverTo(this, () =>
        {
            work.Entered.TrySetResult(TaskScheduler.Current == TaskScheduler.Default);
            if (work.Hold is { } hold && !hold.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"the test never set the hold of {later.Id}");
            }

            Tally(later.Number);
            work.Counted.TrySetResult();
        }, failure => work.Entered.TrySetException(failure));
    }

    public void Apply(TakeThenFail message)
    {
        Take(message.Number);
        throw new InvalidOperationException($"failed after queuing {message.Number}");
    }

    public void Apply(FailOnce fail)
    {
        if (Failed.TryAdd(fail.Id, 0))
        {
            throw new InvalidOperationException($"transient failure of {fail.Id}");
        }

        Counter = Counter with { Count = Counter.Count + 1 };
    }
}

using System.Collections.Concurrent;
using MessagePack;

namespace TaskTonic.Dataflow.Samples.Cluster;

/// <summary>One order of the clustered stream, sent over Orleans (so MessagePack-serializable).</summary>
[MessagePackObject]
public sealed record ClusterOrder([property: Key(0)] string Symbol, [property: Key(1)] long Sequence, [property: Key(2)] int Quantity,
    [property: Key(3)] double Price);

/// <summary>The persisted state of one symbol's book.</summary>
[MessagePackObject]
public sealed record BookState([property: Key(0)] long Orders, [property: Key(1)] long Volume, [property: Key(2)] double Notional,
    [property: Key(3)] long LastSequence, [property: Key(4)] long OutOfOrder);

/// <summary>
/// The keyed tonic: one per symbol, on whichever silo Orleans activates its grain. The same code would run in-process
/// behind a <c>Partition</c>; here the orders arrive as grain calls and run as sparkles on the silo's catalyst pool.
/// </summary>
public sealed partial class ClusterBook : Tonic
{
    public ClusterBook(string symbol, TonicOptions options)
        : base(options)
    {
        Symbol = symbol;
        Homes[symbol] = Ledger.Settings.ProjectName;
    }

    /// <summary>The silo (its formula's project name) each symbol's book last ran on.</summary>
    public static ConcurrentDictionary<string, string> Homes { get; } = new();

    public string Symbol { get; }

    public BookState Book { get; set; } = new(0, 0, 0, -1, 0);

    private void ttsc__apply(long sequence, int quantity, double price) => Book = new BookState(
        Book.Orders + 1, Book.Volume + quantity, Book.Notional + (quantity * price), sequence,
        Book.OutOfOrder + (sequence > Book.LastSequence ? 0 : 1));
}

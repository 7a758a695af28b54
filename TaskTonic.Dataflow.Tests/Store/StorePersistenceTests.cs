using MessagePack;
using TaskTonic.Dataflow.Testing;
using StoreT = TaskTonic.Dataflow.Store;

namespace TaskTonic.Dataflow.Tests.Store;

/// <summary>Issue 16 items 6 and 7: MessagePack snapshots (versioned, links restored, clear errors), the change journal, the ledger's store.</summary>
public sealed class StorePersistenceTests
{
    public sealed record Point(int X, int Y);

    [Fact]
    public void Snapshot_RoundTrips_ValuesWithTheirTypes_AndLinks()
    {
        var store = new StoreT();
        var when = new DateTime(2025, 1, 31, 12, 0, 0, DateTimeKind.Utc);
        store.Set([
            ("v/int", (object?)1), ("v/long", 2L), ("v/double", 2.5), ("v/string", "s"), ("v/bool", true), ("v/decimal", 1.25m),
            ("v/date", when), ("v/span", TimeSpan.FromSeconds(3)), ("v/guid", Guid.Empty), ("v/bytes", new byte[] { 1, 2 }),
            ("v/byte", (byte)7), ("list/#", "a"), ("list/#", "b"), ("v", "hybrid"),
        ]);
        store.Link("alias", "v", bubbleEvents: true);
        store.Set("v/point", new Point(3, 4));

        var restored = new StoreT();
        restored.RestoreSnapshot(store.SaveSnapshot());

        foreach (var path in new[] { "v/int", "v/long", "v/double", "v/string", "v/bool", "v/decimal", "v/date", "v/span", "v/guid", "v/byte", "list/#1", "v" })
        {
            var expected = store.Get(path);
            var actual = restored.Get(path);
            Assert.Equal(expected, actual);
            Assert.Equal(expected!.GetType(), actual!.GetType());
        }

        Assert.Equal(new byte[] { 1, 2 }, restored.Get("v/bytes"));
        Assert.Equal(new StoreLink("v", true), restored.Dump().Single(d => d.Key == "alias").Value);
        Assert.Equal(1, restored.Get("alias/int"));
        var point = Assert.IsAssignableFrom<IDictionary<object, object>>(restored.Get("v/point"));
        Assert.Equal(3, Convert.ToInt32(point["X"], System.Globalization.CultureInfo.InvariantCulture));

        var got = Received.On(restored, "alias", new() { Recursive = true });
        restored.Set("v/int", 5);
        Assert.Equal("alias/int", Assert.Single(got.Changes).Path); // the active link works after restore
    }

    [Fact]
    public void Save_NamesThePathOfAValueItCannotWrite()
    {
        var store = new StoreT();
        store.Set("bad", new NotSerializable());
        var e = Assert.Throws<NotSupportedException>(() => store.SaveSnapshot());
        Assert.Contains("'bad'", e.Message, StringComparison.Ordinal);
    }

    private sealed class NotSerializable
    {
        public int Value { get; } = 1;
    }

    [Fact]
    public void Restore_ReplacesContent_InOneBatchTaggedRestore()
    {
        var source = new StoreT();
        source.Set("keep", 1);
        var target = new StoreT();
        target.Set("old", 1);
        var got = Received.On(target, "", new() { Recursive = true });
        target.RestoreSnapshot(source.SaveSnapshot());
        Assert.Null(target.Get("old"));
        Assert.Equal(1, target.Get("keep"));
        var batch = Assert.Single(got.Batches);
        Assert.All(batch, c => Assert.Equal("restore", c.Source));
    }

    [Fact]
    public void Restore_RejectsCorruptInput_WithClearErrors_AndLeavesTheStoreAlone()
    {
        var store = new StoreT();
        store.Set("a", 1);
        var good = store.SaveSnapshot();

        Assert.Contains("not a TaskTonic store snapshot", Assert.Throws<StoreFormatException>(() => store.RestoreSnapshot(new byte[] { 1, 2, 3 })).Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", Assert.Throws<StoreFormatException>(() => store.RestoreSnapshot(good.AsMemory(0, good.Length - 2))).Message, StringComparison.Ordinal);
        var future = MessagePackSerializer.Serialize(new object[] { "tasktonic.store", 99, Array.Empty<object>() });
        Assert.Contains("version 99", Assert.Throws<StoreFormatException>(() => store.RestoreSnapshot(future)).Message, StringComparison.Ordinal);
        var cycle = MessagePackSerializer.Serialize(new object[] { "tasktonic.store", 1, new object[] { new object[] { "x", 13, new object[] { "y", false } }, new object[] { "y", 13, new object[] { "x", false } } } });
        Assert.Contains("Circular", Assert.Throws<StoreFormatException>(() => store.RestoreSnapshot(cycle)).Message, StringComparison.Ordinal);
        Assert.Equal(1, store.Get("a"));
    }

    [Fact]
    public void Journal_RecordsResolvedWrites_AndReplaysThemIntoAnotherStore()
    {
        var store = new StoreT();
        var journal = store.StartJournal();
        store.Set("logs/#", "first");
        store.Set("logs/./level", 3, notify: false);
        store.Link("last", "logs/#0");
        store.Set("last/level", 4);
        store.Remove("logs/#0/level");
        store.StopJournal();
        store.Set("after", 1);

        Assert.Equal(
            [new(StoreJournalKind.Set, "logs/#0", "first"), new(StoreJournalKind.Set, "logs/#0/level", 3), new(StoreJournalKind.Link, "last", new StoreLink("logs/#0", false)),
             new(StoreJournalKind.Set, "logs/#0/level", 4), new StoreJournalEntry(StoreJournalKind.Remove, "logs/#0/level", null)],
            journal.Entries);
        var replica = new StoreT();
        journal.ReplayInto(replica);
        Assert.Equal(store.Dump().Where(d => d.Key != "after"), replica.Dump());
    }

    [Fact]
    public void Item7_TheLedgerOwnsAStore_WithTheFormulaSettingsWritableAtRunTime()
    {
        var distiller = new Distiller(new Formula(new FormulaOptions
        {
            TimeProvider = new VirtualClock(),
            ProjectName = "demo",
            Values = new Dictionary<string, object?> { ["limits/max"] = 5 },
        }));
        var store = distiller.Ledger.Store;
        Assert.Same(store, distiller.Ledger.Store);
        Assert.Equal("demo", store.Get("formula/project_name"));
        Assert.Equal(5, store.Get<int>("formula/limits/max"));
        var got = Received.On(store, "formula", new() { Recursive = true });
        store.Set("formula/limits/max", 8);
        Assert.Equal(8, Assert.Single(got.Changes).NewValue);
        Assert.NotSame(store, new Distiller().Ledger.Store);
    }
}

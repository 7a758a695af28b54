using StoreT = TaskTonic.Dataflow.Store;

namespace TaskTonic.Dataflow.Tests.Store;

/// <summary>Behaviour reference §2.11 ST-09 … ST-25 and ST-40 … ST-48: subscriptions, groups and delivery (plain callbacks).</summary>
public sealed class StoreSubscriptionTests
{
    private static readonly StoreSubscribeOptions Recursive = new() { Recursive = true };

    [Fact]
    public void ST09_RecursiveSubscription_GroupFlushesOnceAtEnd()
    {
        var store = new StoreT();
        var got = Received.On(store, "sensors", Recursive);
        using (store.Group("me"))
        {
            store.Set("sensors/temp", 20);
            store.Set("other/param", 5);
            Assert.Empty(got.Batches);
        }

        var change = Assert.Single(Assert.Single(got.Batches));
        Assert.Equal(new StoreChange("sensors/temp", 20, null, "me"), change);
    }

    [Fact]
    public void ST10_RecursiveSubscription_SeveralDepths()
    {
        var store = new StoreT();
        var got = Received.On(store, "config", Recursive);
        using (store.Group())
        {
            store.Set("config/a", 1);
            store.Set("config/nested/b", 2);
            store.Set("config/nested", 3);
            store.Set("outside", 4);
        }

        Assert.Equal(["config/a", "config/nested/b", "config/nested"], got.Changes.Select(c => c.Path).ToArray());
    }

    [Fact]
    public void ST13_SingleLevelWildcard()
    {
        var store = new StoreT();
        var got = Received.On(store, "ui/*/view");
        store.Set("ui/dashboard/view", 1);
        store.Set("ui/settings/view", 2);
        store.Set("ui/dashboard/other", 3);
        store.Set("backend/dashboard/view", 4);
        Assert.Equal(["ui/dashboard/view", "ui/settings/view"], got.Changes.Select(c => c.Path).ToArray());
    }

    [Fact]
    public void ST14_MultiLevelWildcard()
    {
        var store = new StoreT();
        var got = Received.On(store, "system/**/status");
        foreach (var p in new[] { "system/network/status", "system/cpu/core_1/status", "system/cpu/usage", "system/status", "system/a/status/x" })
        {
            store.Set(p, "ok");
        }

        Assert.Equal(["system/network/status", "system/cpu/core_1/status"], got.Changes.Select(c => c.Path).ToArray());
    }

    [Fact]
    public void ST15_ExtractSnapshotWithSelf()
    {
        var store = new StoreT();
        store.Set([("sensor/temp", (object?)25), ("sensor/temp/unit", "Celsius"), ("sensor/temp/battery", 90)]);
        var got = Received.On(store, "sensor/temp", new() { Extract = [".", "unit"] });
        store.Set("sensor/temp", 26.5);
        var change = Assert.Single(got.Changes);
        Assert.Equal("sensor/temp", change.Path);
        Assert.Equal(new Dictionary<string, object?> { ["."] = 26.5, ["unit"] = "Celsius" }, change.Snapshot);
    }

    [Fact]
    public void ST16_ST20_TriggerNow()
    {
        var store = new StoreT();
        store.Set("v", 7);
        var got = Received.On(store, "v", new() { TriggerNow = true });
        Assert.Equal(new StoreChange("v", 7, null, "init"), Assert.Single(got.Changes));
        var missing = Received.On(store, "nope", new() { TriggerNow = true });
        Assert.Equal(new StoreChange("nope", null, null, "init"), Assert.Single(missing.Changes));
    }

    [Fact]
    public void ST17_TriggerNowWithExtract()
    {
        var store = new StoreT();
        store.Set([("w", (object?)"self"), ("w/color", "red"), ("w/size", 3), ("w/hidden", true)]);
        var got = Received.On(store, "w", new() { TriggerNow = true, Extract = [".", "color", "size"] });
        var snapshot = Assert.Single(got.Changes).Snapshot!;
        Assert.Equal(new Dictionary<string, object?> { ["."] = "self", ["color"] = "red", ["size"] = 3 }, snapshot);
    }

    [Fact]
    public void ST18_SubscribeThroughAnItem()
    {
        var store = new StoreT();
        var btn = store.At("ui/dialog/btn_ok");
        var got = new Received();
        btn.SubscribeCallback(got.On);
        btn.Value = "clicked";
        Assert.Equal(new StoreChange("ui/dialog/btn_ok", "clicked", null, null), Assert.Single(got.Changes));
    }

    [Fact]
    public void ST19_WildcardWithExtract()
    {
        var store = new StoreT();
        store.Set([("ui/items/btn_cancel/active", (object?)false), ("ui/items/btn_save/color", "blue"), ("ui/items/btn_save/active", true)]);
        var got = Received.On(store, "ui/items/*", new() { Recursive = true, Extract = ["color", "active"] });
        store.Set("ui/items/btn_cancel/color", "grey");
        var first = Assert.Single(got.Changes);
        Assert.Equal("ui/items/btn_cancel", first.Path);
        Assert.Equal(new Dictionary<string, object?> { ["color"] = "grey", ["active"] = false }, first.Snapshot);
        store.Set("ui/items/btn_save/active", false);
        Assert.Equal(new Dictionary<string, object?> { ["color"] = "blue", ["active"] = false }, got.Changes[1].Snapshot);
    }

    [Fact]
    public void ST21_TriggerNowWithWildcardAndExtract()
    {
        var store = new StoreT();
        store.Set([("ui/list/item_1/color", (object?)"red"), ("ui/list/item_1/active", true), ("ui/list/item_2/color", "blue"), ("ui/list/item_2/active", false), ("ui/other_stuff", 1)]);
        var got = Received.On(store, "ui/list/*", new() { Recursive = true, Extract = ["color", "active"], TriggerNow = true });
        var batch = Assert.Single(got.Batches);
        Assert.Equal(["ui/list/item_1", "ui/list/item_2"], batch.Select(c => c.Path).ToArray());
        Assert.All(batch, c => Assert.Equal("init", c.Source));
        Assert.Equal(false, batch[1].Snapshot!["active"]);

        var none = Received.On(store, "nothing/*", new() { TriggerNow = true });
        Assert.Empty(none.Batches);
    }

    private sealed class Listener
    {
        public int Count { get; private set; }

        public void On(StoreChanges changes) => Count += changes.Count;
    }

    [Fact]
    public void ST22_ST24_UnsubscribeByInstance_AndByCallback()
    {
        var store = new StoreT();
        var listener = new Listener();
        store.SubscribeCallback("k", listener.On);
        store.Set("k", 1);
        Assert.Equal(1, store.Unsubscribe(listener));
        store.Set("k", 2);
        Assert.Equal(1, listener.Count);

        var calls = 0;
        Action<StoreChanges> callback = _ => calls++;
        var subscription = store.SubscribeCallback("k", callback);
        Assert.Equal(1, store.Unsubscribe(callback));
        Assert.False(subscription.IsActive);
        store.Set("k", 3);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void ST23_UnsubscribeLambdaByExplicitOwner()
    {
        var store = new StoreT();
        var owner = new object();
        var calls = 0;
        store.SubscribeCallback("k", _ => calls++, new() { Owner = owner });
        store.Set("k", 1);
        store.Unsubscribe(owner);
        store.Set("k", 2);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ST25_ItemUnsubscribe_ByOwner_AndWithoutArgument()
    {
        var store = new StoreT();
        var sidebar = store.At("ui/sidebar");
        var owner = new object();
        var calls = 0;
        sidebar.SubscribeCallback(_ => calls++, new() { Owner = owner });
        sidebar.SubscribeCallback(_ => calls++, new() { Owner = owner });
        Assert.Equal(2, sidebar.Unsubscribe(owner));
        sidebar.SubscribeCallback(_ => calls++);
        sidebar.SubscribeCallback(_ => calls++);
        // §4.4 #28: Python's item.unsubscribe() removes nothing; here it removes every subscription on the path.
        Assert.Equal(2, sidebar.Unsubscribe());
        sidebar.Value = "x";
        Assert.Equal(0, calls);
        Assert.Equal(0, store.SubscriptionCount);
    }

    [Fact]
    public void ST40_EqualValueIsSilent()
    {
        var store = new StoreT();
        var got = Received.On(store, "v");
        store.Set("v", 5);
        store.Set("v", 5);
        Assert.Single(got.Changes);
    }

    [Fact]
    public void ST41_SilentWrites()
    {
        var store = new StoreT();
        var got = Received.On(store, "", Recursive);
        store.Set("a", 1, notify: false);
        using (store.Group(notify: false))
        {
            store.Set("b", 1);
            using (store.Group())
            {
                store.Set("c", 1);
            }
        }

        Assert.Empty(got.Batches);
        using (store.Group())
        {
            store.Set("d", 1);
            using (store.Group(notify: false))
            {
                store.Set("e", 1);
            }
        }

        Assert.Equal("d", Assert.Single(got.Changes).Path);
        Assert.Equal(1, store.Get("e"));
    }

    [Fact]
    public void ST42_IgnoreSource_AndSourceTagging_InheritedByInnerGroups()
    {
        var store = new StoreT();
        var filtered = Received.On(store, "x", new() { Recursive = true, IgnoreSource = "me" });
        var all = Received.On(store, "x", Recursive);
        using (store.Source("me"))
        {
            store.Set("x/a", 1);
        }

        using (store.Group("other"))
        {
            store.Set("x/b", 2);
            using (store.Group())
            {
                store.Set("x/c", 3);
            }
        }

        var batch = Assert.Single(filtered.Batches);
        Assert.Equal(new string?[] { "other", "other" }, batch.Select(c => c.Source));
        Assert.Equal(2, all.Batches.Count);
    }

    [Fact]
    public void ST43_Exclude()
    {
        var store = new StoreT();
        var got = Received.On(store, "x", new() { Recursive = true, Exclude = ["x/noise"] });
        store.Set("x/noise/a", 1);
        store.Set("x/noisy", 1);
        Assert.Equal("x/noisy", Assert.Single(got.Changes).Path);
    }

    [Fact]
    public void ST44_NonRecursiveIgnoresChildren()
    {
        var store = new StoreT();
        var got = Received.On(store, "n", new() { Extract = ["c"] });
        store.Set("n/c", 1);
        Assert.Empty(got.Batches);
    }

    [Fact]
    public void ST45_RemovingASubtree_KeepsSubscriptionsOnRemovedPaths()
    {
        var store = new StoreT();
        store.Set([("r/a", (object?)1), ("r/a/b", 2), ("r/a/c", 3)]);
        var parent = Received.On(store, "r", Recursive);
        var exact = Received.On(store, "r/a");
        Assert.True(store.Remove("r/a"));
        Assert.Equal(
            [new StoreChange("r/a", null, 1, null), new StoreChange("r/a/b", null, 2, null), new StoreChange("r/a/c", null, 3, null)],
            parent.Changes);
        Assert.Equal(new StoreChange("r/a", null, 1, null), Assert.Single(exact.Changes));

        // §4.4 #29: the subscription at the removed path survives and sees the path again.
        store.Set("r/a", 9);
        Assert.Equal(2, exact.Changes.Count);
        Assert.False(store.Remove("r/zzz"));
    }

    [Fact]
    public void ST47_CallbackErrorsAreIsolatedCountedAndReported()
    {
        var store = new StoreT();
        var reported = new List<Exception>();
        store.CallbackFailed += (_, e) => reported.Add(e.Exception);
        store.SubscribeCallback("v", _ => throw new InvalidOperationException("boom"));
        var got = Received.On(store, "v");
        store.Set("v", 1);
        Assert.Equal(1, store.Get("v"));
        Assert.Single(got.Changes);
        Assert.Equal("boom", Assert.Single(reported).Message);
        Assert.Equal(1, store.CallbackFailures);
    }

    [Fact]
    public void ST48_RootSubscriptions_ReceiveDescendants()
    {
        var store = new StoreT();
        var root = Received.On(store, "", Recursive);
        var wild = Received.On(store, "*/v");
        store.Set("a/b", 1);
        store.Set("q/v", 2);
        Assert.Equal(["a/b", "q/v"], root.Changes.Select(c => c.Path).ToArray());
        Assert.Equal("q/v", Assert.Single(wild.Changes).Path);
    }

    [Fact]
    public void Wildcard_EscapesRegexMetacharacters()
    {
        var store = new StoreT();
        var got = Received.On(store, "a.b/*/(x)");
        store.Set("aXb/1/(x)", 1);
        store.Set("a.b/1/(x)", 2);
        Assert.Equal("a.b/1/(x)", Assert.Single(got.Changes).Path);
    }

    [Fact]
    public void Callback_WritingTheStore_IsDeliveredAfterTheCurrentBatch_InOrder()
    {
        var store = new StoreT();
        var order = new List<string>();
        store.SubscribeCallback("a", c =>
        {
            order.Add("a");
            store.Set("b", 1);
            order.Add("a-done");
        });
        store.SubscribeCallback("b", _ => order.Add("b"));
        store.Set("a", 1);
        Assert.Equal(["a", "a-done", "b"], order.ToArray());
    }

    [Fact]
    public void SubscribeCallback_RejectsBadInput()
    {
        var store = new StoreT();
        Assert.Throws<ArgumentNullException>(() => store.SubscribeCallback("x", null!));
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => store.SubscribeCallback("a//b", _ => { })).ParamName);
    }
}

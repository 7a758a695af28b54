using StoreT = TaskTonic.Dataflow.Store;

namespace TaskTonic.Dataflow.Tests.Store;

/// <summary>Behaviour reference §2.11 ST-26 … ST-37 and ST-50: links, set_each and event routing.</summary>
public sealed class StoreLinkTests
{
    private static readonly StoreSubscribeOptions Recursive = new() { Recursive = true };

    [Fact]
    public void ST26_PassiveLinkReadAndWrite()
    {
        var store = new StoreT();
        store.Set("devices/lamp_1", new Dictionary<string, object?> { ["state"] = "off", ["brightness"] = 0 });
        var alias = store.Link("house/living/main_light", "devices/lamp_1");
        Assert.Equal("off", ((Dictionary<string, object?>)alias.Value!)["state"]);
        alias.Set("brightness", 100);
        Assert.Equal(100, store.Get("devices/lamp_1/brightness"));
    }

    [Fact]
    public void ST27_DeepPathResolution()
    {
        var store = new StoreT();
        store.Set("devices/thermostat_1/temperature", 21.5);
        store.Link("rooms/kitchen/climate", "devices/thermostat_1");
        Assert.Equal(21.5, store.Get("rooms/kitchen/climate/temperature"));
        store.Set("rooms/kitchen/climate/temperature", 22.0);
        Assert.Equal(22.0, store.Get("devices/thermostat_1/temperature"));
    }

    [Fact]
    public void ST28_ActiveLinkBubbling()
    {
        var store = new StoreT();
        store.Link("security/zones/front_door", "devices/sensor_1", bubbleEvents: true);
        var got = Received.On(store, "security/zones/front_door/motion");
        store.Set("devices/sensor_1/motion", true);
        Assert.Equal(new StoreChange("security/zones/front_door/motion", true, null, null), Assert.Single(got.Changes));
    }

    [Fact]
    public void ST29_RemovingTheTargetRemovesTheAlias_OneEvent()
    {
        var store = new StoreT();
        store.Set("system/users/u1/name", "ann");
        store.Link("ui/current_user", "system/users/u1", bubbleEvents: true);
        var got = Received.On(store, "ui/current_user");
        store.Remove("system/users/u1");
        Assert.Null(store.Get("ui/current_user"));
        Assert.False(store.Contains("ui/current_user"));
        var change = Assert.Single(got.Changes);
        Assert.Equal("ui/current_user", change.Path);
        Assert.Null(change.NewValue);
        Assert.IsType<StoreLink>(change.OldValue);
    }

    [Fact]
    public void ST30_CircularLinks_FailClearly()
    {
        var store = new StoreT();
        store.Link("folder_a", "folder_b");
        var e = Assert.Throws<InvalidOperationException>(() => store.Link("folder_b", "folder_a"));
        Assert.Contains("Circular StoreLink detected", e.Message, StringComparison.Ordinal);
        Assert.Null(store.Get("folder_a/prop")); // the refused link left nothing behind
        Assert.Throws<InvalidOperationException>(() => store.Link("x", "x/y"));
        Assert.Throws<InvalidOperationException>(() => store.Link("self", "self"));
    }

    [Fact]
    public void ST31_DumpFormatOfLinks()
    {
        var store = new StoreT();
        store.Set("devices/dummy", 123);
        store.Link("alias/dummy", "devices/dummy", bubbleEvents: true);
        Assert.Equal(
            [KeyValuePair.Create("alias/dummy", (object?)new StoreLink("devices/dummy", true)), KeyValuePair.Create("devices/dummy", (object?)123)],
            store.Dump());
    }

    [Fact]
    public void ST32_ST33_SetEach_WithAndWithoutPrefix()
    {
        var store = new StoreT();
        store.Set([("room/lamp#", (object?)"a"), ("room/lamp#", "b"), ("room/fan#/speed", 0)]);
        store.At("room").SetEach("brightness", 100, prefix: "lamp");
        Assert.Equal(100, store.Get("room/lamp#0/brightness"));
        Assert.Equal(100, store.Get("room/lamp#1/brightness"));
        Assert.Equal(0, store.Get("room/fan#0/speed"));
        Assert.Null(store.Get("room/fan#0/brightness"));

        store.Extend("ui/widgets", [null, null, null]);
        store.SetEach("ui/widgets", "disabled", false);
        store.At("ui/widgets").SetEach("disabled", true);
        Assert.All(store.At("ui/widgets").Children(), w => Assert.Equal(true, w["disabled"].Value));
        Assert.Equal(3, store.ChildKeys("ui/widgets").Count);
    }

    [Fact]
    public void ST34_SetEachThroughLinks()
    {
        var store = new StoreT();
        store.Link("house/lamps/l1", "devices/l1");
        store.Link("house/lamps/l2", "devices/l2");
        store.SetEach("house/lamps", "power", "on");
        Assert.Equal("on", store.Get("devices/l1/power"));
        Assert.Equal("on", store.Get("devices/l2/power"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ST35_ST36_EventRouting_PassiveAndActive(bool active)
    {
        var store = new StoreT();
        store.Link("house/living/motion", "devices/m1", active);
        var devices = Received.On(store, "devices", Recursive);
        var house = Received.On(store, "house/lamps", Recursive);
        var living = Received.On(store, "house/living", Recursive);
        store.Set("devices/m1/detected", true);
        Assert.Equal("devices/m1/detected", Assert.Single(devices.Changes).Path);
        Assert.Empty(house.Changes);
        if (active)
        {
            Assert.Equal(new StoreChange("house/living/motion/detected", true, null, null), Assert.Single(living.Changes));
        }
        else
        {
            Assert.Empty(living.Changes);
        }
    }

    [Fact]
    public void ST37_WildcardOverActiveLinks()
    {
        var store = new StoreT();
        store.Link("house/living/switches/main", "devices/sw1", bubbleEvents: true);
        store.Link("house/living/switches/reading", "devices/sw2", bubbleEvents: true);
        var got = Received.On(store, "house/living/switches/*", Recursive);
        store.Set("devices/sw1/state", "on");
        store.Set("devices/sw2/state", "on");
        store.Set("devices/other/state", "on");
        Assert.Equal(["house/living/switches/main/state", "house/living/switches/reading/state"], got.Changes.Select(c => c.Path).ToArray());
        Assert.All(got.Changes, c => Assert.Equal("on", c.NewValue));
    }

    [Fact]
    public void ST50_LinkEdgeCases()
    {
        var store = new StoreT();
        store.Set([("t", (object?)1), ("t/c1", "x")]);
        var events = Received.On(store, "al");
        store.Link("al", "t");
        Assert.IsType<StoreLink>(Assert.Single(events.Changes).NewValue);

        Assert.Equal(["al/c1"], store.At("al").Children().Select(c => c.Path).ToArray());
        store.Set("al", 2);
        Assert.Equal(2, store.Get("t"));
        Assert.IsType<StoreLink>(store.Dump().Single(d => d.Key == "al").Value);

        store.Remove("al");
        Assert.Equal(2, store.Get("t"));
        Assert.False(store.Contains("al"));
    }

    [Fact]
    public void ChainedLinks_ResolveAndBubble()
    {
        var store = new StoreT();
        store.Link("a", "b", bubbleEvents: true);
        store.Link("b", "c", bubbleEvents: true);
        var got = Received.On(store, "a", Recursive);
        store.Set("a/v", 1);
        Assert.Equal(1, store.Get("c/v"));
        Assert.Equal("a/v", Assert.Single(got.Changes).Path);
        Assert.Throws<InvalidOperationException>(() => store.Link("c", "a"));
    }

    [Fact]
    public void Link_OnANodeWithChildren_IsRefused()
    {
        var store = new StoreT();
        store.Set("busy/child", 1);
        Assert.Throws<InvalidOperationException>(() => store.Link("busy", "elsewhere"));
        Assert.Equal(1, store.Get("busy/child"));
        Assert.Throws<ArgumentException>(() => store.Link("", "x"));
    }
}

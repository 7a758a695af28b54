using StoreT = TaskTonic.Dataflow.Store;

namespace TaskTonic.Dataflow.Tests.Store;

/// <summary>Behaviour reference §2.11 ST-01 … ST-08, ST-46, ST-49: the data model, items and smart lists.</summary>
public sealed class StoreCoreTests
{
    [Fact]
    public void ST01_BatchSetAndGet()
    {
        var store = new StoreT();
        store.Set([("config/version", (object?)"1.0.0"), ("config/debug", true)]);
        Assert.Equal("1.0.0", store.Get("config/version"));
        Assert.True(store.Get<bool>("config/debug"));
        Assert.Equal("default", store.Get("config/missing", "default"));
        Assert.Null(store.Get("config/missing"));
        Assert.Equal(0, store.Get<int>("nothing/here"));
    }

    [Fact]
    public void ST02_BatchesAsListOrArray()
    {
        var store = new StoreT();
        store.Set(new List<(string, object?)> { ("a", 1), ("b", 2) });
        store.Set(new[] { ("c", (object?)3) });
        Assert.Equal([1, 2, 3], new[] { store.Get<int>("a"), store.Get<int>("b"), store.Get<int>("c") });
    }

    [Fact]
    public void ST03_SmartListsAndChildrenFiltering()
    {
        var store = new StoreT();
        store.Set([
            ("sensors/#", (object?)"temp_sensor_1"), ("sensors/./unit", "C"), ("sensors/./val", 25.5),
            ("sensors/#", "hum_sensor"), ("sensors/./unit", "%"), ("sensors/./val", 60),
            ("sensors/extra", 33),
            ("sensors/sens#", "temp_sensor_2"), ("sensors/sens./unit", "C"), ("sensors/sens./val", 25.5),
        ]);
        var sensors = store.At("sensors");
        Assert.Equal(["#0", "#1", "extra", "sens#0"], sensors.Children().Select(c => c.Key));
        Assert.Single(sensors.Children(), c => Equals(c.Value, 33));
        Assert.Equal(["temp_sensor_1", "hum_sensor"], sensors.Children("").Select(c => c.Value));
        var sens = Assert.Single(sensors.Children("sens"));
        Assert.Equal("temp_sensor_2", sens.Value);
        Assert.Equal("C", sens["unit"].Value);
        Assert.Equal("%", store.Get("sensors/#1/unit"));
    }

    [Fact]
    public void ST04_ItemCursor()
    {
        var store = new StoreT();
        store.Set("machine/settings/speed", 100);
        var speed = store.At("machine/settings/speed");
        Assert.Equal(100, speed.Value);
        speed.Value = 150;
        Assert.Equal(150, store.Get("machine/settings/speed"));
        Assert.Equal(150, store["machine"]["settings/speed"].Val(0));
    }

    [Fact]
    public void ST05_ParentNavigation()
    {
        var store = new StoreT();
        store.Set([("l1", (object?)100), ("l1/l2", 200), ("l1/l2/l3", 300)]);
        var l3 = store.At("l1/l2/l3");
        Assert.Equal(200, l3.Parent.Value);
        Assert.Equal(100, l3.Parent.Parent.Value);
        Assert.Equal(string.Empty, l3.Parent.Parent.Parent.Path);
        Assert.Equal(string.Empty, store.Root.Parent.Path);

        store.Set([("folder/doc_a", (object?)"content_a"), ("folder/doc_b", "content_b")]);
        var doc = store.At("folder/doc_a");
        Assert.Null(doc.Parent.Value);
        Assert.Equal(["content_a", "content_b"], doc.Parent.Children().Select(c => c.Value));
    }

    [Fact]
    public void ST06_ListRoot()
    {
        var store = new StoreT();
        store.Set([("users/#", (object?)"alice"), ("users/./profile/age", 30)]);
        Assert.Equal("alice", store.At("users/#0/profile/age").ListRoot!.Value);
        Assert.Null(store.At("users").ListRoot);
    }

    [Fact]
    public void ST07_DictionaryBatch_AndDictionaryValueIsOneValue()
    {
        var store = new StoreT();
        store.Set(new Dictionary<string, object?> { ["x/a"] = 1, ["x/b"] = 2 });
        Assert.Equal(2, store.Get("x/b"));

        // §4.4 #31: Set(path, dictionary) stores the dictionary as one value; it is not expanded.
        var dict = new Dictionary<string, object?> { ["state"] = "off" };
        store.Set("lamp", dict);
        Assert.Same(dict, store.Get("lamp"));
        Assert.Empty(store.ChildKeys("lamp"));
    }

    [Fact]
    public void ST08_SiblingPreservation()
    {
        var store = new StoreT();
        store.Set([("grp/a", (object?)1), ("grp/b", 2)]);
        store.Set("grp/a", 10);
        Assert.Equal(2, store.Get("grp/b"));
    }

    [Fact]
    public void ST46_StickyDot_AndNumericOrdering()
    {
        var store = new StoreT();
        store.Set("a/./x", 1);
        Assert.Equal(1, store.Get("a/x"));
        for (var i = 0; i < 12; i++)
        {
            store.Set("list/#", i);
        }

        store.Set("list/./tag", "last");
        Assert.Equal("last", store.Get("list/#11/tag"));
        Assert.Equal(11, store.Get("list/."));
        // §4.4 #30: numeric ordering of list children (Python lists #10 before #2).
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"#{i}"), store.ChildKeys("list"));

        // Gaps are not reused; removing the last index makes it free again.
        store.Remove("list/#11");
        Assert.Equal("list/#11", store.Set("list/#", "again").Path);
    }

    [Fact]
    public void ST49_ExtendPopAndBadInput()
    {
        var store = new StoreT();
        store.Extend("box", [1, new List<(string, object?)> { ("n", "x"), ("m", "y") }, "z"], prefix: "it");
        Assert.Equal(1, store.Get("box/it#0"));
        Assert.Equal("x", store.Get("box/it#1/n"));
        Assert.Equal("y", store.Get("box/it#1/m"));
        Assert.Equal("z", store.Get("box/it#2"));
        Assert.Equal(1, store.Pop("box/it#0"));
        Assert.False(store.Contains("box/it#0"));

        // Python's set(5) has no C# counterpart (the signature takes a path); bad paths fail clearly instead.
        var e = Assert.Throws<ArgumentException>(() => store.Set("a//b", 1));
        Assert.Equal("path", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => store.Get(null!));
        Assert.Throws<ArgumentException>(() => store.Get("logs/#"));
    }

    [Fact]
    public void Typed_Get_ConvertsNumbers_AndNamesThePathOnMismatch()
    {
        var store = new StoreT();
        store.Set("n", (byte)7);
        Assert.Equal(7L, store.Get<long>("n"));
        Assert.Equal(7.0, store.Get<double>("n"));
        store.Set("s", new object());
        var e = Assert.Throws<InvalidCastException>(() => store.Get<int>("s"));
        Assert.Contains("'s'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_TrimSlashes_AndHybridNodesHoldValueAndChildren()
    {
        var store = new StoreT();
        store.Set("/a/b/", 1);
        store.Set("a", "parent");
        Assert.Equal(1, store.Get("a/b"));
        Assert.Equal("parent", store.Get("/a"));
        Assert.Null(store.Get("a/missing/deeper"));
        Assert.Equal([KeyValuePair.Create("", (object?)"parent"), KeyValuePair.Create("b", (object?)1)], store.Dump("a"));
    }
}

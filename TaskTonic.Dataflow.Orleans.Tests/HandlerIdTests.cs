namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>The handler number on the wire: the same in every process and version, and unique within a partition.</summary>
public sealed class HandlerIdTests
{
    [Fact]
    public void HI01_Number_IsFnv1a64OfTheUtf16CodeUnits_SoEveryProcessAgrees()
    {
        // pinned values: a client and a silo of different builds (or runtimes) must compute the same number
        Assert.Equal(unchecked((long)0xCBF29CE484222325), HandlerId.Of(string.Empty));
        Assert.Equal(unchecked((long)0xCEC64E155111225D), HandlerId.Of("abc"));
    }

    [Fact]
    public void HI02_DefaultId_IsTheFullName_AndItsNumberIsCached()
    {
        Assert.Equal(typeof(Add).FullName, HandlerId.NameOf<Add>());
        Assert.Equal(HandlerId.Of(typeof(Add).FullName!), HandlerId.For<Add>());
        Assert.NotEqual(HandlerId.For<Add>(), HandlerId.For<NotHandled>());
    }

    [Fact]
    public void HI03_SameIdTwice_IsRefusedWithTheId()
    {
        var options = new KeyedTonicSiloOptions<CounterTonic>().Handle<Add>((_, _) => { });
        var ex = Assert.Throws<ArgumentException>(() => options.Handle<NotHandled>((_, _) => { }, typeof(Add).FullName));
        Assert.Contains(typeof(Add).FullName!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HI04_Registered_NumberMapsBackToItsHandlerAndId()
    {
        var options = new KeyedTonicSiloOptions<CounterTonic>().Handle<Add>((_, _) => { }).Handle<FailOnce>((_, _) => { }, "fail-once");
        Assert.True(options.Handlers.ContainsKey(HandlerId.For<Add>()));
        Assert.True(options.Handlers.ContainsKey(HandlerId.Of("fail-once")));
        Assert.Equal("fail-once", options.NameOf(HandlerId.Of("fail-once")));
        Assert.Contains("no registered handler id", options.NameOf(HandlerId.For<NotHandled>()), StringComparison.Ordinal);
    }
}

/// <summary>The command frame: what the client writes is what the grain reads.</summary>
public sealed class CommandFrameTests
{
    [Fact]
    public void CF01_WrittenThenStamped_ReadsBackEveryField()
    {
        var sender = Guid.NewGuid();
        var frame = CommandFrame.Write(new Add(42), sender);
        CommandFrame.Stamp(frame, 7, deduplicate: true);

        var (handler, readSender, sequence, deduplicate, payload) = CommandFrame.Read(frame);
        Assert.Equal(HandlerId.For<Add>(), handler);
        Assert.Equal(sender, readSender);
        Assert.Equal(7, sequence);
        Assert.True(deduplicate);
        Assert.Equal(new Add(42), MessagePack.MessagePackSerializer.Deserialize<Add>(payload, MessagePack.Resolvers.ContractlessStandardResolver.Options));
    }

    [Fact]
    public void CF02_BuiltFieldByField_MatchesTheWrittenFrame()
    {
        var sender = Guid.NewGuid();
        var written = CommandFrame.Write(new Add(5), sender);
        CommandFrame.Stamp(written, 3, deduplicate: false);
        var (_, _, _, _, payload) = CommandFrame.Read(written);

        Assert.Equal(written, CommandFrame.Of(HandlerId.For<Add>(), payload.Span, sender, 3, deduplicate: false));
    }

    [Fact]
    public void CF03_ShorterThanAHeader_IsAKeyedTonicException()
    {
        var ex = Assert.Throws<KeyedTonicException>(() => CommandFrame.Read(new byte[10]));
        Assert.Contains("10", ex.Message, StringComparison.Ordinal);
    }
}

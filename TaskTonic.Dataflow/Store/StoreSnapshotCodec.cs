using System.Buffers;
using MessagePack;
using MessagePack.Resolvers;

namespace TaskTonic.Dataflow;

/// <summary>
/// The MessagePack layout of a store snapshot: <c>["tasktonic.store", version, [[path, tag, payload], …]]</c>. Common
/// .NET primitives keep their exact type through a tag; a <see cref="StoreLink"/> is <c>[target, bubble]</c>; any other
/// value is written by its public shape and read back as primitive objects (maps and arrays). No type names are stored.
/// </summary>
internal static class StoreSnapshotCodec
{
    public const string Magic = "tasktonic.store";
    public const int Version = 1;

    private static readonly MessagePackSerializerOptions s_other = ContractlessStandardResolver.Options.WithSecurity(MessagePackSecurity.UntrustedData);

    private enum Tag
    {
        Bool = 1, Int = 2, Long = 3, Double = 4, String = 5, Float = 6, Decimal = 7, DateTime = 8, DateTimeOffset = 9,
        TimeSpan = 10, Guid = 11, Bytes = 12, Link = 13, Other = 14, Byte = 15, Short = 16, UInt = 17, ULong = 18, Char = 19,
    }

    public static byte[] Write(IReadOnlyList<KeyValuePair<string, object?>> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteArrayHeader(3);
        w.Write(Magic);
        w.Write(Version);
        w.WriteArrayHeader(entries.Count);
        foreach (var (path, value) in entries)
        {
            w.WriteArrayHeader(3);
            w.Write(path);
            try
            {
                WriteValue(ref w, value!);
            }
            catch (MessagePackSerializationException e)
            {
                throw new NotSupportedException($"The store value at '{path}' ({value!.GetType().Name}) cannot be written to a snapshot: {e.Message}", e);
            }
        }

        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="StoreFormatException">The data is not a readable snapshot of a supported version.</exception>
    public static List<KeyValuePair<string, object?>> Read(ReadOnlyMemory<byte> data)
    {
        try
        {
            var r = new MessagePackReader(data);
            if (r.NextMessagePackType != MessagePackType.Array || r.ReadArrayHeader() != 3 || r.NextMessagePackType != MessagePackType.String
                || r.ReadString() != Magic)
            {
                throw new StoreFormatException("The data is not a TaskTonic store snapshot (missing the 'tasktonic.store' header).");
            }

            var version = r.ReadInt32();
            if (version != Version)
            {
                throw new StoreFormatException($"The store snapshot has version {version}; this build reads version {Version}.");
            }

            var count = r.ReadArrayHeader();
            var entries = new List<KeyValuePair<string, object?>>(Math.Min(count, 1 << 16));
            for (var i = 0; i < count; i++)
            {
                if (r.ReadArrayHeader() != 3)
                {
                    throw new StoreFormatException($"Store snapshot entry {i} is not a [path, tag, value] triple.");
                }

                var path = r.ReadString() ?? throw new StoreFormatException($"Store snapshot entry {i} has no path.");
                entries.Add(KeyValuePair.Create(path, ReadValue(ref r, (Tag)r.ReadInt32(), i)));
            }

            if (!r.End)
            {
                throw new StoreFormatException("The store snapshot has trailing bytes after its entries.");
            }

            return entries;
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException or ArgumentException or FormatException)
        {
            throw new StoreFormatException($"The store snapshot is corrupt: {e.Message}", e);
        }
    }

    private static void WriteValue(ref MessagePackWriter w, object value)
    {
        switch (value)
        {
            case bool b: w.Write((int)Tag.Bool); w.Write(b); break;
            case int i: w.Write((int)Tag.Int); w.Write(i); break;
            case long l: w.Write((int)Tag.Long); w.Write(l); break;
            case double d: w.Write((int)Tag.Double); w.Write(d); break;
            case string s: w.Write((int)Tag.String); w.Write(s); break;
            case float f: w.Write((int)Tag.Float); w.Write(f); break;
            case decimal m: w.Write((int)Tag.Decimal); w.Write(m.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateTime t: w.Write((int)Tag.DateTime); w.Write(t.ToBinary()); break;
            case DateTimeOffset o: w.Write((int)Tag.DateTimeOffset); w.WriteArrayHeader(2); w.Write(o.Ticks); w.Write((long)o.Offset.TotalMinutes); break;
            case TimeSpan span: w.Write((int)Tag.TimeSpan); w.Write(span.Ticks); break;
            case Guid g: w.Write((int)Tag.Guid); w.Write(g.ToString("D")); break;
            case byte[] bytes: w.Write((int)Tag.Bytes); w.Write(bytes); break;
            case StoreLink link: w.Write((int)Tag.Link); w.WriteArrayHeader(2); w.Write(link.Target); w.Write(link.BubbleEvents); break;
            case byte u8: w.Write((int)Tag.Byte); w.Write(u8); break;
            case short i16: w.Write((int)Tag.Short); w.Write(i16); break;
            case uint u32: w.Write((int)Tag.UInt); w.Write(u32); break;
            case ulong u64: w.Write((int)Tag.ULong); w.Write(u64); break;
            case char c: w.Write((int)Tag.Char); w.Write(c); break;
            default: w.Write((int)Tag.Other); w.WriteRaw(MessagePackSerializer.Serialize(value.GetType(), value, s_other)); break;
        }
    }

    private static object? ReadValue(ref MessagePackReader r, Tag tag, int entry) => tag switch
    {
        Tag.Bool => r.ReadBoolean(),
        Tag.Int => r.ReadInt32(),
        Tag.Long => r.ReadInt64(),
        Tag.Double => r.ReadDouble(),
        Tag.String => r.ReadString(),
        Tag.Float => r.ReadSingle(),
        Tag.Decimal => decimal.Parse(r.ReadString()!, System.Globalization.CultureInfo.InvariantCulture),
        Tag.DateTime => DateTime.FromBinary(r.ReadInt64()),
        Tag.DateTimeOffset => ReadDateTimeOffset(ref r),
        Tag.TimeSpan => TimeSpan.FromTicks(r.ReadInt64()),
        Tag.Guid => Guid.Parse(r.ReadString()!),
        Tag.Bytes => r.ReadBytes()?.ToArray(),
        Tag.Link => ReadLink(ref r, entry),
        Tag.Other => MessagePackSerializer.Deserialize<object>(ref r, s_other),
        Tag.Byte => r.ReadByte(),
        Tag.Short => r.ReadInt16(),
        Tag.UInt => r.ReadUInt32(),
        Tag.ULong => r.ReadUInt64(),
        Tag.Char => r.ReadChar(),
        _ => throw new StoreFormatException($"Store snapshot entry {entry} has the unknown value tag {(int)tag}."),
    };

    private static DateTimeOffset ReadDateTimeOffset(ref MessagePackReader r)
    {
        if (r.ReadArrayHeader() != 2)
        {
            throw new StoreFormatException("A DateTimeOffset in the store snapshot is not [ticks, offset].");
        }

        var ticks = r.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(r.ReadInt64()));
    }

    private static StoreLink ReadLink(ref MessagePackReader r, int entry)
    {
        if (r.ReadArrayHeader() != 2)
        {
            throw new StoreFormatException($"Store snapshot entry {entry} has a link that is not [target, bubble].");
        }

        var target = r.ReadString() ?? throw new StoreFormatException($"Store snapshot entry {entry} has a link without a target.");
        return new StoreLink(target, r.ReadBoolean());
    }
}

using System.Buffers.Binary;
using System.Numerics;

namespace TaskTonic.Dataflow.Recording;

/// <summary>Constants and the checksum of the recording format (see FORMAT.md next to this file).</summary>
internal static class RecordingFormat
{
    /// <summary>The version this library writes and reads.</summary>
    public const ushort Version = 1;

    /// <summary>Frame tag of a work order record.</summary>
    public const byte RecordTag = 0x52; // 'R'

    /// <summary>Frame tag of the end marker.</summary>
    public const byte EndTag = 0x45; // 'E'

    /// <summary>The largest header or record payload a reader accepts.</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    /// <summary>The number of fields of a version 1 record.</summary>
    public const int RecordFields = 13;

    /// <summary>Flag bit: the state request forces a re-enter.</summary>
    public const int ForceFlag = 1;

    /// <summary>Flag bit: the arguments could not be encoded; the text field holds their <c>ToString()</c>.</summary>
    public const int ArgumentsNotRecordedFlag = 2;

    /// <summary>Flag bit: the timer raised when it fired (its handler or callback ran); an early or stale firing does nothing.</summary>
    public const int TimerDueFlag = 4;

    /// <summary>How early a timer firing still counts as due; the same tolerance as <see cref="Timers.TonicTimer"/>'s.</summary>
    public static readonly TimeSpan TimerTolerance = TimeSpan.FromMilliseconds(1);

    /// <summary>"TTRECORD": the first 8 bytes of every recording.</summary>
    public static ReadOnlySpan<byte> Magic => "TTRECORD"u8;

    /// <summary>CRC-32C (Castagnoli, reflected, initial and final value 0xFFFFFFFF); "123456789" gives 0xE3069283.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}

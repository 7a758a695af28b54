using System.Buffers.Binary;
using TaskTonic.Dataflow.Recording;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Recording;

public sealed partial class RecordingFormatTests
{
    private const int Mutations = 2_400;

    /// <summary>
    /// Damaged recordings: raw bit flips, truncations and insertions (mostly caught by the checksums), and the same
    /// mutations inside one payload with its length and checksum fixed, so they reach the record parser and the replayer.
    /// </summary>
    [Fact]
    public async Task Fuzzed_recordings_fail_only_with_a_format_or_replay_error()
    {
        var bytes = ValidBytes();
        var frames = PayloadsOf(bytes);
        var random = new Random(20_261_205);
        var leaks = new List<string>();
        var parsed = 0;
        var run = Task.Run(() =>
        {
            for (var i = 0; i < Mutations; i++)
            {
                var (mutant, what) = i % 2 == 0 ? (MutateRaw(bytes, random, out var how), how) : (MutateSealed(bytes, frames, random, out how), how);
                try
                {
                    var recording = SparkleRecording.Read(new MemoryStream(mutant));
                    parsed++;
                    var distiller = new Distiller();
                    distiller.Formula.AddStartingTonic(() => new Gadget());
                    Replayer.Replay(recording, distiller);
                }
                catch (RecordingFormatException ex) when (ex.Offset >= 0)
                {
                }
                catch (ReplayException)
                {
                }
                catch (Exception ex)
                {
                    leaks.Add($"#{i} {what}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        });

        await run.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n{string.Join('\n', leaks.Take(10))}");
        Assert.True(parsed > Mutations / 10, $"only {parsed} mutants parsed: the sealed mutations do not reach the parser");
    }

    /// <summary>The (start, length) of the header payload and of every frame payload.</summary>
    private static List<(int Start, int Length)> PayloadsOf(byte[] bytes)
    {
        var payloads = new List<(int, int)>();
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        payloads.Add((16, headerLength));
        var at = 16 + headerLength + 4;
        while (at < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 1));
            payloads.Add((at + 5, length));
            at += 5 + length + 4;
        }

        return payloads;
    }

    private static byte[] MutateRaw(byte[] bytes, Random random, out string how)
    {
        var at = random.Next(bytes.Length);
        switch (random.Next(3))
        {
            case 0:
                var copy = (byte[])bytes.Clone();
                copy[at] ^= (byte)(1 << random.Next(8));
                how = $"raw flip at {at}";
                return copy;
            case 1:
                how = $"raw truncation to {at}";
                return bytes[..at];
            default:
                var inserted = RandomBytes(random);
                how = $"raw insertion of {inserted.Length} at {at}";
                return [.. bytes[..at], .. inserted, .. bytes[at..]];
        }
    }

    private static byte[] MutateSealed(byte[] bytes, List<(int Start, int Length)> payloads, Random random, out string how)
    {
        var (start, length) = payloads[random.Next(payloads.Count)];
        var payload = bytes.AsSpan(start, length).ToArray();
        var at = random.Next(length);
        byte[] mutated;
        switch (random.Next(4))
        {
            case 0:
            case 1:
                mutated = (byte[])payload.Clone();
                for (var flips = 1 + random.Next(3); flips > 0; flips--)
                {
                    mutated[random.Next(length)] ^= (byte)(1 << random.Next(8));
                }

                how = $"sealed flips in the payload at {start}";
                break;
            case 2:
                mutated = payload[..at];
                how = $"sealed truncation of the payload at {start} to {at}";
                break;
            default:
                var inserted = RandomBytes(random);
                mutated = [.. payload[..at], .. inserted, .. payload[at..]];
                how = $"sealed insertion of {inserted.Length} into the payload at {start}";
                break;
        }

        var result = new byte[bytes.Length - length + mutated.Length];
        bytes.AsSpan(0, start).CopyTo(result);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(start - 4), mutated.Length);
        mutated.CopyTo(result.AsSpan(start));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(start + mutated.Length), RecordingFormat.Crc32C(mutated));
        bytes.AsSpan(start + length + 4).CopyTo(result.AsSpan(start + mutated.Length + 4));
        return result;
    }

    private static byte[] RandomBytes(Random random)
    {
        var inserted = new byte[1 + random.Next(9)];
        random.NextBytes(inserted);
        return inserted;
    }
}

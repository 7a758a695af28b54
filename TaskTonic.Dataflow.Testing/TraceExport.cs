using System.Text;
using System.Text.Json;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// Writes a trace as JSON, or in the Chrome trace-event format that Perfetto (ui.perfetto.dev) and chrome://tracing open:
/// one lane per catalyst, one slice per sparkle (hooks nested in the work order that ran them), and a flow arrow from
/// the sparkle that queued a work order to the work order.
/// </summary>
/// <remarks>
/// Chrome timestamps are virtual time in microseconds since the first entry. Work orders at the same virtual instant
/// would all have zero width, so each slice lasts at least 1 µs and starts no earlier than the previous one ended:
/// the time axis is virtual time, stretched just enough to show the order.
/// </remarks>
public static class TraceExport
{
    /// <summary>The version of the JSON layout written by <see cref="WriteJson"/>.</summary>
    public const int JsonVersion = 1;

    /// <summary>Writes the trace as JSON: <c>{"format":"tasktonic-trace","version":1,"sparkles":[...]}</c>.</summary>
    public static void WriteJson(IEnumerable<SparkleTrace> trace, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", "tasktonic-trace");
        json.WriteNumber("version", JsonVersion);
        json.WriteStartArray("sparkles");
        foreach (var entry in trace)
        {
            WriteEntry(json, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The trace as a JSON string; see <see cref="WriteJson"/>.</summary>
    public static string ToJson(IEnumerable<SparkleTrace> trace) => Write(trace, WriteJson);

    /// <summary>Writes the trace in the Chrome trace-event format (a JSON object with <c>traceEvents</c>).</summary>
    public static void WriteChromeTrace(IEnumerable<SparkleTrace> trace, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(stream);
        var entries = trace.ToList();
        var layout = ChromeLayout.Compute(entries);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartArray("traceEvents");
        WriteMetadata(json, "process_name", 0, "TaskTonic distiller");
        foreach (var (catalyst, lane) in layout.Lanes)
        {
            WriteMetadata(json, "thread_name", lane, catalyst);
        }

        var indexes = entries.Select((e, i) => (e.Index, i)).ToDictionary(p => p.Index, p => p.i);
        for (var i = 0; i < entries.Count; i++)
        {
            WriteSlice(json, entries[i], layout.Lanes[entries[i].CatalystName], layout.Start[i], layout.Duration[i]);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].SourceIndex is { } source && indexes.TryGetValue(source, out var from))
            {
                WriteFlow(json, "s", entries[i].Index, layout.Lanes[entries[from].CatalystName], layout.Start[from]);
                WriteFlow(json, "f", entries[i].Index, layout.Lanes[entries[i].CatalystName], layout.Start[i]);
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("otherData");
        json.WriteString("format", "tasktonic-distiller");
        json.WriteString("clock", "virtual");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The trace in the Chrome trace-event format, as a string; see <see cref="WriteChromeTrace"/>.</summary>
    public static string ToChromeTrace(IEnumerable<SparkleTrace> trace) => Write(trace, WriteChromeTrace);

    private static string Write(IEnumerable<SparkleTrace> trace, Action<IEnumerable<SparkleTrace>, Stream> write)
    {
        using var buffer = new MemoryStream();
        write(trace, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteEntry(Utf8JsonWriter json, SparkleTrace entry)
    {
        json.WriteStartObject();
        json.WriteNumber("index", entry.Index);
        json.WriteNumber("tonicId", entry.TonicId);
        json.WriteString("tonic", entry.TonicName);
        json.WriteString("catalyst", entry.CatalystName);
        json.WriteString("sparkle", entry.Sparkle);
        json.WriteBoolean("system", entry.IsSystem);
        json.WriteNumber("depth", entry.Depth);
        json.WritePropertyName("arguments");
        WriteValue(json, entry.Arguments);
        json.WriteStartObject("source");
        json.WriteString("tonic", entry.Source.Tonic?.Name);
        json.WriteNumber("tonicId", entry.Source.TonicId);
        json.WriteString("sparkle", entry.Source.SparkleName);
        json.WriteEndObject();
        if (entry.SourceIndex is { } source)
        {
            json.WriteNumber("sourceIndex", source);
        }
        else
        {
            json.WriteNull("sourceIndex");
        }

        WriteMoment(json, "enter", entry.EnteredAt, entry.StateAtEnter, entry.ProbesAtEnter);
        WriteMoment(json, "exit", entry.ExitedAt, entry.StateAtExit, entry.ProbesAtExit);
        json.WriteNumber("wallMicroseconds", Math.Round(entry.WallDuration.TotalMicroseconds, 3));
        json.WriteString("failure", entry.Failure is null ? null : $"{entry.Failure.GetType().FullName}: {entry.Failure.Message}");
        json.WriteEndObject();
    }

    private static void WriteMoment(Utf8JsonWriter json, string name, DateTimeOffset at, string? state, IReadOnlyDictionary<string, object?> probes)
    {
        json.WriteStartObject(name);
        json.WriteString("at", at);
        json.WriteString("state", state);
        json.WriteStartObject("probes");
        foreach (var (probe, value) in probes)
        {
            json.WritePropertyName(probe);
            WriteValue(json, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumberValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(TraceFormat.Value(value));
                break;
        }
    }

    private static void WriteMetadata(Utf8JsonWriter json, string name, int lane, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", lane);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSlice(Utf8JsonWriter json, SparkleTrace entry, int lane, long start, long duration)
    {
        json.WriteStartObject();
        json.WriteString("name", $"{entry.TonicName}.{entry.Sparkle}");
        json.WriteString("cat", entry.IsSystem ? "runtime" : entry.Depth > 0 ? "hook" : "sparkle");
        json.WriteString("ph", "X");
        json.WriteNumber("ts", start);
        json.WriteNumber("dur", duration);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", lane);
        json.WriteStartObject("args");
        json.WriteNumber("index", entry.Index);
        json.WriteString("state", $"{entry.StateAtEnter ?? Tonic.NoStateName} -> {entry.StateAtExit ?? Tonic.NoStateName}");
        json.WriteString("arguments", TraceFormat.Value(entry.Arguments));
        json.WriteString("source", entry.Source.ToString());
        json.WriteString("virtualTime", entry.EnteredAt);
        json.WriteNumber("wallMicroseconds", Math.Round(entry.WallDuration.TotalMicroseconds, 3));
        if (entry.Failure is not null)
        {
            json.WriteString("failure", entry.Failure.GetType().Name);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFlow(Utf8JsonWriter json, string phase, long id, int lane, long at)
    {
        json.WriteStartObject();
        json.WriteString("name", "post");
        json.WriteString("cat", "flow");
        json.WriteString("ph", phase);
        json.WriteNumber("id", id);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", lane);
        json.WriteNumber("ts", at);
        if (phase == "f")
        {
            json.WriteString("bp", "e");
        }

        json.WriteEndObject();
    }
}

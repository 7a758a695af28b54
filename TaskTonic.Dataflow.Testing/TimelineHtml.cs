using System.Text;
using System.Text.Json;
using TaskTonic.Dataflow.DeadLetters;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// Writes a trace as one self-contained HTML timeline (inline script and style, nothing fetched from the network): a lane
/// per tonic grouped by catalyst, a box per sparkle coloured by the tonic's state (hooks and timer sparkles nested in the
/// work order that ran them), arrows from the sparkle that queued a work order to it, timers, failures and dropped work
/// marked, with zoom and search. The horizontal axis is execution order; virtual time is shown where it moves.
/// </summary>
public static class TimelineHtml
{
    /// <summary>Writes the timeline of <paramref name="trace"/> to the file <paramref name="path"/> (created or replaced).</summary>
    /// <param name="trace">The distiller's trace (for example <see cref="Distiller.Trace"/>).</param>
    /// <param name="path">The HTML file to write.</param>
    /// <param name="deadLetters">Dropped work to mark (for example collected from <see cref="Ledger.DeadLetters"/>); failures come from the trace.</param>
    /// <param name="title">The page title; default "TaskTonic timeline".</param>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static void ToHtml(this IEnumerable<SparkleTrace> trace, string path, IEnumerable<DeadLetter>? deadLetters = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteHtml(trace, writer, deadLetters, title);
    }

    /// <summary>Writes the timeline of <paramref name="trace"/> as HTML to <paramref name="writer"/>; see <see cref="ToHtml"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteHtml(this IEnumerable<SparkleTrace> trace, TextWriter writer, IEnumerable<DeadLetter>? deadLetters = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        var entries = trace.ToList();
        var data = Data(entries, deadLetters?.Where(l => l.Reason != DeadLetterReason.Failed).ToList() ?? []);
        var page = TimelineTemplate.Page
            .Replace("{{TITLE}}", System.Net.WebUtility.HtmlEncode(title ?? "TaskTonic timeline"), StringComparison.Ordinal)
            .Replace("{{DATA}}", data, StringComparison.Ordinal);
        writer.Write(page);
    }

    /// <summary>The trace as the JSON the page's script draws (HTML-sensitive characters escaped, so it can sit in a script element).</summary>
    private static string Data(List<SparkleTrace> entries, List<DeadLetter> drops)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("sparkles");
            var slot = -1;
            var timerDepth = int.MaxValue;
            DateTimeOffset? origin = entries.Count > 0 ? entries[0].EnteredAt : null;
            foreach (var entry in entries)
            {
                slot += entry.Depth == 0 ? 1 : 0;
                if (entry.Depth <= timerDepth)
                {
                    timerDepth = entry.Sparkle == "_ttss__timer_expired" ? entry.Depth : int.MaxValue;
                }

                json.WriteStartObject();
                json.WriteNumber("i", entry.Index);
                json.WriteNumber("x", Math.Max(slot, 0));
                json.WriteString("tonic", entry.TonicName);
                json.WriteString("catalyst", entry.CatalystName);
                json.WriteString("sparkle", entry.Sparkle);
                json.WriteBoolean("system", entry.IsSystem);
                json.WriteNumber("depth", entry.Depth);
                json.WriteBoolean("timer", entry.Depth >= timerDepth);
                if (entry.SourceIndex is { } source)
                {
                    json.WriteNumber("src", source);
                }

                json.WriteString("from", entry.Source.ToString());
                json.WriteString("in", entry.StateAtEnter ?? Tonic.NoStateName);
                json.WriteString("out", entry.StateAtExit ?? Tonic.NoStateName);
                json.WriteString("args", TraceFormat.Value(entry.Arguments));
                json.WriteString("time", entry.EnteredAt.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumber("ms", (entry.EnteredAt - origin!.Value).TotalMilliseconds);
                json.WriteNumber("wallUs", Math.Round(entry.WallDuration.TotalMicroseconds, 1));
                if (entry.Failure is not null)
                {
                    json.WriteString("failure", $"{entry.Failure.GetType().Name}: {entry.Failure.Message}");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("drops");
            foreach (var drop in drops)
            {
                // Placed after the last sparkle that started at or before the drop's virtual time.
                var after = entries.FindLastIndex(e => e.EnteredAt <= drop.Timestamp);
                json.WriteStartObject();
                json.WriteString("tonic", drop.TargetName);
                json.WriteString("catalyst", drop.Target?.Catalyst.Name ?? "(unknown)");
                json.WriteString("sparkle", drop.SparkleName);
                json.WriteString("reason", drop.Reason.ToString());
                json.WriteString("from", drop.Source.ToString());
                json.WriteString("args", TraceFormat.Value(drop.Arguments));
                json.WriteNumber("afterIndex", after < 0 ? -1 : entries[after].Index);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

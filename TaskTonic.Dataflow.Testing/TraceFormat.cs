using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TaskTonic.Dataflow.Testing;

/// <summary>Formats trace values as stable text: tonics by name, collections by content, numbers and times invariantly.</summary>
internal static class TraceFormat
{
    private const int MaxItems = 64;

    public static string Value(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case Tonic tonic:
                text.Append('<').Append(tonic.Name).Append('>');
                return;
            case DateTimeOffset at:
                text.Append(at.ToString("O", CultureInfo.InvariantCulture));
                return;
            case DateTime at:
                text.Append(at.ToString("O", CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }

        if (depth > 8)
        {
            text.Append("...");
            return;
        }

        switch (value)
        {
            case ITuple tuple:
                text.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    Append(text, tuple[i], depth + 1);
                }

                text.Append(')');
                return;
            case IDictionary dictionary:
                text.Append('{');
                var first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    text.Append(first ? string.Empty : ", ");
                    first = false;
                    Append(text, entry.Key, depth + 1);
                    text.Append(": ");
                    Append(text, entry.Value, depth + 1);
                }

                text.Append('}');
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{').AppendJoin(", ", map.Select(p => $"{p.Key}: {Value(p.Value)}")).Append('}');
                return;
            case IEnumerable items:
                text.Append('[');
                var count = 0;
                foreach (var item in items)
                {
                    if (count > 0)
                    {
                        text.Append(", ");
                    }

                    if (count++ == MaxItems)
                    {
                        text.Append("...");
                        break;
                    }

                    Append(text, item, depth + 1);
                }

                text.Append(']');
                return;
            default:
                text.Append(value.ToString());
                return;
        }
    }
}

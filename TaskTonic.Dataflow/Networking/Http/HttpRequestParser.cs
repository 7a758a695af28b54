using System.Text;

namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>What the parser found in the bytes so far.</summary>
internal enum ParseStatus
{
    NeedMore,
    Request,
    Malformed,
    HeadTooLarge,
    BodyTooLarge,
}

/// <summary>A parsed request head.</summary>
internal sealed record HttpHead(string Method, string Target, string Version, IReadOnlyDictionary<string, string> Headers, int ContentLength, bool KeepAlive);

/// <summary>
/// Cuts one connection's byte stream into HTTP/1.1 requests: request line, headers, and a <c>Content-Length</c> body.
/// Chunked request bodies and obsolete header folding are refused as malformed. Not thread-safe: one per connection,
/// fed from that connection's sparkles.
/// </summary>
internal sealed class HttpRequestParser(int maxHeaderBytes, int maxBodyBytes)
{
    private static readonly byte[] s_headEnd = "\r\n\r\n"u8.ToArray();
    private byte[] _buffer = new byte[4096];
    private int _count;
    private HttpHead? _head;
    private int _bodyStart;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_count + chunk.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + chunk.Length));
        }

        chunk.CopyTo(_buffer.AsSpan(_count));
        _count += chunk.Length;
    }

    /// <summary>Takes the next complete request from the buffered bytes, if there is one.</summary>
    public ParseStatus TryTake(out HttpHead? head, out byte[] body)
    {
        head = null;
        body = [];
        if (_head is null)
        {
            var end = _buffer.AsSpan(0, _count).IndexOf(s_headEnd);
            if (end < 0)
            {
                return _count > maxHeaderBytes ? ParseStatus.HeadTooLarge : ParseStatus.NeedMore;
            }

            if (end + s_headEnd.Length > maxHeaderBytes)
            {
                return ParseStatus.HeadTooLarge;
            }

            _head = ParseHead(Encoding.Latin1.GetString(_buffer, 0, end));
            if (_head is null)
            {
                return ParseStatus.Malformed;
            }

            if (_head.ContentLength > maxBodyBytes)
            {
                return ParseStatus.BodyTooLarge;
            }

            _bodyStart = end + s_headEnd.Length;
        }

        var length = _head.ContentLength;
        if (_count - _bodyStart < length)
        {
            return ParseStatus.NeedMore;
        }

        head = _head;
        body = _buffer.AsSpan(_bodyStart, length).ToArray();
        var consumed = _bodyStart + length;
        _buffer.AsSpan(consumed, _count - consumed).CopyTo(_buffer);
        _count -= consumed;
        _head = null;
        return ParseStatus.Request;
    }

    private static HttpHead? ParseHead(string text)
    {
        var lines = text.Split("\r\n");
        var start = lines[0].Split(' ');
        if (start.Length != 3 || !IsToken(start[0]) || start[1].Length == 0 || start[1].Any(char.IsWhiteSpace)
            || start[2] is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsToken(line[..colon]))
            {
                return null; // also a folded line (it starts with whitespace) or a line without a name
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            if (headers.TryGetValue(name, out var earlier))
            {
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && earlier != value)
                {
                    return null;
                }

                value = earlier + ", " + value;
            }

            headers[name] = value;
        }

        if (headers.ContainsKey("Transfer-Encoding") || (start[2] == "HTTP/1.1" && !headers.ContainsKey("Host")))
        {
            return null;
        }

        var length = 0;
        if (headers.TryGetValue("Content-Length", out var declared))
        {
            var digits = declared.Split(", ")[0];
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                return null;
            }

            // Too large for an int is simply too large: the caller answers 413.
            length = digits.Length > 9 ? int.MaxValue : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        var connection = headers.GetValueOrDefault("Connection", string.Empty);
        var keepAlive = start[2] == "HTTP/1.1"
            ? !connection.Contains("close", StringComparison.OrdinalIgnoreCase)
            : connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
        return new HttpHead(start[0], start[1], start[2], headers, length, keepAlive);
    }

    private static bool IsToken(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}

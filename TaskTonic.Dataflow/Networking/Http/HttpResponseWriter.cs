using System.Globalization;
using System.Text;

namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>Builds the wire bytes of one HTTP/1.1 response (status line, headers, <c>Content-Length</c> body).</summary>
internal static class HttpResponseWriter
{
    public static byte[] Build(int statusCode, ReadOnlySpan<byte> body, string? contentType, IEnumerable<KeyValuePair<string, string>>? headers, bool close)
    {
        var head = new StringBuilder(128);
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {statusCode} {Reason(statusCode)}\r\n");
        if (contentType is not null)
        {
            AppendHeader(head, "Content-Type", contentType, nameof(contentType));
        }

        foreach (var (name, value) in headers ?? [])
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The header {name} is set by the endpoint.", nameof(headers));
            }

            AppendHeader(head, name, value, nameof(headers));
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        if (close)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var wire = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(wire, 0);
        body.CopyTo(wire.AsSpan(headBytes.Length));
        return wire;
    }

    private static void AppendHeader(StringBuilder head, string name, string value, string parameterName)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c <= ' ' || c == ':' || c > '~') || value is null || value.Any(c => c is '\r' or '\n' || c > 'ÿ'))
        {
            throw new ArgumentException($"The header '{name}' is not a valid HTTP header (empty name, a control character, a line break or a non-Latin-1 character).", parameterName);
        }

        head.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    private static string Reason(int statusCode) => statusCode switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => string.Empty, // the reason phrase is optional (RFC 9112 §4)
    };
}

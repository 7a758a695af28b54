using System.Text.RegularExpressions;

namespace TaskTonic.Dataflow;

/// <summary>
/// A subscription path: exact, or with wildcards (<c>*</c> one segment, <c>**</c> one or more segments). Literal text
/// is regex-escaped. <see cref="StaticKey"/> is the part before the first wildcard segment: events are routed to a
/// subscription by that key and its descendants (the root key <c>""</c> sees every path).
/// </summary>
internal sealed class PathPattern
{
    private readonly Regex? _regex;
    private readonly Regex? _exact;

    public PathPattern(string path, bool recursive)
    {
        Path = path;
        var segments = path.Length == 0 ? [] : path.Split('/');
        var firstWild = Array.FindIndex(segments, s => s.Contains('*', StringComparison.Ordinal));
        if (firstWild < 0)
        {
            StaticKey = path;
            return;
        }

        StaticKey = string.Join('/', segments[..firstWild]);
        var body = string.Join("/", segments.Select(Translate));
        _regex = new Regex($"^(?<base>{body})" + (recursive ? "(?:/|$)" : "$"), RegexOptions.CultureInvariant);
        _exact = recursive ? new Regex($"^(?:{body})$", RegexOptions.CultureInvariant) : _regex;
    }

    public string Path { get; }

    public string StaticKey { get; }

    public bool IsWildcard => _regex is not null;

    public bool Matches(string changed, bool recursive, out string basePath)
    {
        if (_regex is not null)
        {
            var m = _regex.Match(changed);
            basePath = m.Success ? m.Groups["base"].Value : Path;
            return m.Success;
        }

        basePath = Path;
        return recursive ? StorePath.IsSelfOrDescendant(changed, Path) : string.Equals(changed, Path, StringComparison.Ordinal);
    }

    /// <summary>True when an existing path is itself a match (a trigger-now base), not only below one.</summary>
    public bool MatchesExactly(string path) => _exact is null ? string.Equals(path, Path, StringComparison.Ordinal) : _exact.IsMatch(path);

    private static string Translate(string segment) => segment switch
    {
        "*" => "[^/]+",
        "**" => "[^/]+(?:/[^/]+)*",
        _ => Regex.Escape(segment).Replace(@"\*", "[^/]*", StringComparison.Ordinal),
    };
}

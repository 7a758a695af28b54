namespace TaskTonic.Dataflow;

/// <summary>Orders full paths segment by segment with <see cref="ChildKeyComparer"/> (a parent before its children).</summary>
internal sealed class PathComparer : IComparer<string>
{
    public static PathComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var xs = x.Split('/');
        var ys = y.Split('/');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var c = ChildKeyComparer.Instance.Compare(xs[i], ys[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return xs.Length.CompareTo(ys.Length);
    }
}

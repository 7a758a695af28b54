using System.Collections;

namespace TaskTonic.Dataflow.Logging;

/// <summary>The structured scope of a tonic's log entries: tonic id and name, sparkle and state.</summary>
internal sealed class TonicLogScope(int tonicId, string tonicName, string sparkle, string state) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("TonicId", tonicId),
        1 => new("Tonic", tonicName),
        2 => new("Sparkle", sparkle),
        3 => new("State", state),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{tonicName}[{state}].{sparkle}";
}

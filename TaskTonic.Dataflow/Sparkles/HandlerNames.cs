using System.Collections.Frozen;
using System.Reflection;

namespace TaskTonic.Dataflow.Sparkles;

/// <summary>
/// The state-specific handlers of a tonic type, read once from the <see cref="TonicSparklesAttribute"/> of its class and
/// its bases: which method runs for a sparkle in a state, so failures, logs and traces name the handler that ran.
/// </summary>
/// <remarks>
/// The generated dispatch prefers a state's own handler (of any level) to a generic one, so when a level declares
/// <c>prefix_state__name</c>, that is the handler that runs in that state.
/// </remarks>
internal sealed class HandlerNames
{
    private static readonly string[] s_prefixes = ["_tts_", "ttsc_", "ttse_", "ttev_", "tts_"];

    private readonly FrozenDictionary<long, string> _byKey;
    private readonly FrozenSet<int> _declared;

    public HandlerNames(TonicDescriptor descriptor)
    {
        var names = new Dictionary<long, string>();
        var declared = new HashSet<int>();
        for (var type = descriptor.TonicType; type is not null && type != typeof(Tonic); type = type.BaseType)
        {
            if (type.GetCustomAttribute<TonicSparklesAttribute>(inherit: false) is not { } attribute)
            {
                continue;
            }

            foreach (var entry in attribute.Handlers)
            {
                var bar = entry.IndexOf('|', StringComparison.Ordinal);
                var method = bar < 0 ? entry : entry[..bar];
                if (Parse(method) is not var (generic, state) || descriptor.FindSparkle(generic) is not (var id and >= 0))
                {
                    continue;
                }

                declared.Add(id);
                if (state is not null && descriptor.FindState(state) is var index and >= 0)
                {
                    names.TryAdd(Key(id, index), method);
                }
            }
        }

        _byKey = names.ToFrozenDictionary();
        _declared = declared.ToFrozenSet();
    }

    /// <summary>True when the class or a base declares a handler (generic or for a state) for sparkle <paramref name="id"/>.</summary>
    public bool Declares(int id) => _declared.Contains(id);

    /// <summary>The state-specific handler of sparkle <paramref name="id"/> in <paramref name="state"/>, or null.</summary>
    public string? Find(int id, int state) => _byKey.GetValueOrDefault(Key(id, state));

    private static long Key(int id, int state) => ((long)id << 32) | (uint)state;

    /// <summary><c>ttse_locked__on_enter</c> → (<c>ttse__on_enter</c>, <c>locked</c>); <c>ttse__on_enter</c> → (<c>ttse__on_enter</c>, null).</summary>
    private static (string Generic, string? State)? Parse(string method)
    {
        foreach (var prefix in s_prefixes)
        {
            if (!method.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = method[prefix.Length..];
            var genericPrefix = prefix is "_tts_" or "tts_" ? "tts" : prefix[..^1];
            if (rest.StartsWith('_'))
            {
                return (genericPrefix + "_" + rest, null);
            }

            var split = rest.IndexOf("__", StringComparison.Ordinal);
            return split <= 0 ? null : (genericPrefix + "__" + rest[(split + 2)..], rest[..split]);
        }

        return null;
    }
}

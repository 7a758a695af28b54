using System.Collections.Frozen;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Sparkles;

/// <summary>
/// The compile-time tables of a tonic type: its states (the index is the state's value) and its sparkles
/// (the index is the sparkle id; ids 0–3 are the lifecycle hooks). Emitted by the source generator.
/// </summary>
public sealed class TonicDescriptor
{
    /// <summary>Id of <c>ttse__on_start</c>.</summary>
    public const int OnStart = 0;

    /// <summary>Id of <c>ttse__on_enter</c>.</summary>
    public const int OnEnter = 1;

    /// <summary>Id of <c>ttse__on_exit</c>.</summary>
    public const int OnExit = 2;

    /// <summary>Id of <c>ttse__on_finished</c>.</summary>
    public const int OnFinished = 3;

    /// <summary>
    /// Id of <c>ttse__on_infusion_completed</c>: runs on the parent's catalyst, as a work order of its own, when one of its
    /// infusions has completed; it takes the completed infusion (<c>Tonic child</c>) or nothing.
    /// </summary>
    public const int OnInfusionCompleted = 4;

    /// <summary>The first id available to user sparkles.</summary>
    public const int FirstUserSparkle = 5;

    private static readonly SparkleInfo[] s_hooks =
    [
        new("ttse__on_start", string.Empty, SparkleKind.Hook, []),
        new("ttse__on_enter", string.Empty, SparkleKind.Hook, []),
        new("ttse__on_exit", string.Empty, SparkleKind.Hook, []),
        new("ttse__on_finished", string.Empty, SparkleKind.Hook, []),
        new("ttse__on_infusion_completed", string.Empty, SparkleKind.Hook, [typeof(Tonic)]),
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, TonicDescriptor> s_empty = new();

    private readonly string[] _states;
    private readonly SparkleInfo[] _sparkles;
    private readonly FrozenDictionary<string, int> _stateIndex;
    private readonly FrozenDictionary<string, int> _sparkleIndex;
    private HandlerNames? _handlerNames;

    /// <summary>Creates a descriptor; called by generated code.</summary>
    /// <param name="tonicType">The tonic class.</param>
    /// <param name="states">State names; a state's index is its value.</param>
    /// <param name="userSparkles">Sparkles with ids from <see cref="FirstUserSparkle"/> on, in id order.</param>
    public TonicDescriptor(Type tonicType, string[] states, SparkleInfo[] userSparkles)
    {
        ArgumentNullException.ThrowIfNull(tonicType);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(userSparkles);
        TonicType = tonicType;
        _states = states;
        _sparkles = [.. s_hooks, .. userSparkles];
        _stateIndex = states.Select((s, i) => KeyValuePair.Create(s, i)).ToFrozenDictionary(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _sparkles.Length; i++)
        {
            names[_sparkles[i].Name] = i;
            if (_sparkles[i].EntryPoint.Length > 0)
            {
                names.TryAdd(_sparkles[i].EntryPoint, i);
            }
        }

        _sparkleIndex = names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The tonic class this descriptor belongs to.</summary>
    public Type TonicType { get; }

    /// <summary>State names; the index of a name is the value <see cref="Tonic.ToState(int, bool)"/> takes.</summary>
    public IReadOnlyList<string> States => _states;

    /// <summary>All sparkles by id, the four hooks first.</summary>
    public IReadOnlyList<SparkleInfo> Sparkles => _sparkles;

    /// <summary>Returns a descriptor with only the lifecycle hooks, for tonic classes without handlers.</summary>
    public static TonicDescriptor Empty(Type tonicType) => s_empty.GetOrAdd(tonicType, static t => new TonicDescriptor(t, [], []));

    /// <summary>The index of a state name, or -1 when the type has no such state.</summary>
    public int FindState(string name) => _stateIndex.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The id of a sparkle by TaskTonic name (<c>ttsc__open</c>) or entry point (<c>Open</c>), or -1.</summary>
    public int FindSparkle(string name) => _sparkleIndex.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The state's name, or null for <see cref="Tonic.NoState"/>.</summary>
    public string? StateName(int state) => state >= 0 && state < _states.Length ? _states[state] : null;

    /// <summary>A comma-separated list of the state names, for error messages.</summary>
    internal string DescribeStates() =>
        _states.Length == 0 ? "(this tonic declares no states)" : string.Join(", ", _states);

    /// <summary>The name of a sparkle id, including the runtime's own (negative) ids.</summary>
    internal string SparkleName(int id) =>
        id >= 0 && id < _sparkles.Length ? _sparkles[id].Name : SystemSparkle.NameOf(id);

    /// <summary>
    /// The handler that runs for sparkle <paramref name="id"/> in <paramref name="state"/>: the state's own handler
    /// (<c>ttse_locked__on_enter</c>) when the class declares one, else the sparkle's name.
    /// </summary>
    internal string HandlerName(int id, int state)
    {
        if (state < 0 || id < 0 || _states.Length == 0)
        {
            return SparkleName(id);
        }

        return Handlers.Find(id, state) ?? SparkleName(id);
    }

    /// <summary>True when the class (or a base) declares a handler for sparkle <paramref name="id"/>, in any state.</summary>
    internal bool DeclaresHandler(int id) => Handlers.Declares(id);

    private HandlerNames Handlers => _handlerNames ??= new HandlerNames(this);
}

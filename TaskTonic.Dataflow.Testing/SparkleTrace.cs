using System.Globalization;
using System.Text;

namespace TaskTonic.Dataflow.Testing;

/// <summary>One executed sparkle (or runtime work order, or lifecycle hook) as the <see cref="Distiller"/> saw it.</summary>
public sealed class SparkleTrace
{
    private static readonly IReadOnlyDictionary<string, object?> s_noProbes = new Dictionary<string, object?>();

    internal SparkleTrace(long index, Tonic tonic, string sparkle, bool isSystem, int depth, object? arguments, SparkleSource source,
        DateTimeOffset enteredAt, string? stateAtEnter, string? handler = null)
    {
        Handler = handler ?? sparkle;
        Index = index;
        Tonic = tonic;
        TonicId = tonic.Id;
        TonicName = tonic.Name;
        CatalystName = tonic.Catalyst.Name;
        Sparkle = sparkle;
        IsSystem = isSystem;
        Depth = depth;
        Arguments = arguments;
        Source = source;
        EnteredAt = enteredAt;
        StateAtEnter = stateAtEnter;
    }

    /// <summary>Position in the distiller's whole trace, from 0.</summary>
    public long Index { get; }

    /// <summary>The tonic that ran it.</summary>
    public Tonic Tonic { get; }

    /// <summary>The tonic's id.</summary>
    public int TonicId { get; }

    /// <summary>The tonic's name.</summary>
    public string TonicName { get; }

    /// <summary>The name of the catalyst it ran on.</summary>
    public string CatalystName { get; }

    /// <summary>The TaskTonic name: <c>ttsc__open</c>, <c>ttse__on_enter</c>, <c>_ttss__on_start</c>…</summary>
    public string Sparkle { get; }

    /// <summary>
    /// The handler that ran: the state's own handler (<c>ttse_locked__on_enter</c>) when the state has one, else
    /// <see cref="Sparkle"/>. <see cref="Distiller.RunUntilSparkle"/> matches either.
    /// </summary>
    public string Handler { get; }

    /// <summary>True for the runtime's own work orders (start, finish, bookkeeping).</summary>
    public bool IsSystem { get; }

    /// <summary>0 for a work order; 1 or more for what it ran: hooks (enter/exit/start/finished, also those of deferred transitions) and timer sparkles.</summary>
    public int Depth { get; }

    /// <summary>
    /// The packed arguments (null, the single argument, or a tuple), frozen when the sparkle started: immutable values and
    /// tonics as they were, other values as a MessagePack copy, or their <c>ToString()</c> when they cannot be copied.
    /// Runtime work orders keep their raw argument (the tonic, timer or request they act on).
    /// </summary>
    public object? Arguments { get; }

    /// <summary>Who queued it.</summary>
    public SparkleSource Source { get; }

    /// <summary>The <see cref="Index"/> of the traced sparkle that queued this work order, or null (queued from outside, or a hook).</summary>
    public long? SourceIndex { get; internal init; }

    /// <summary>Virtual time when it started.</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>The tonic's state when it started, or null.</summary>
    public string? StateAtEnter { get; }

    /// <summary>The contract's probes of this tonic when it started (members that exist only), frozen.</summary>
    public IReadOnlyDictionary<string, object?> ProbesAtEnter { get; internal init; } = s_noProbes;

    /// <summary>Virtual time when it returned.</summary>
    public DateTimeOffset ExitedAt { get; internal set; }

    /// <summary>The tonic's state when it returned (before deferred transitions), or null.</summary>
    public string? StateAtExit { get; internal set; }

    /// <summary>The contract's probes of this tonic when it returned, frozen.</summary>
    public IReadOnlyDictionary<string, object?> ProbesAtExit { get; internal set; } = s_noProbes;

    /// <summary>How long it really took (<see cref="Distiller.WallClock"/>): the "giant sparkle" check reads this.</summary>
    public TimeSpan WallDuration { get; internal set; }

    /// <summary>The exception it threw, or null.</summary>
    public Exception? Failure { get; internal set; }

    /// <summary>
    /// Every deterministic field on one line (wall duration excluded): two runs of the same test under the distiller give
    /// the same strings, so traces compare by these.
    /// </summary>
    public string ToCanonicalString()
    {
        var text = new StringBuilder(128);
        text.Append('#').Append(Index.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(TonicId.ToString(CultureInfo.InvariantCulture)).Append(':').Append(TonicName)
            .Append('@').Append(CatalystName)
            .Append(' ').Append(Sparkle)
            .Append(" d").Append(Depth.ToString(CultureInfo.InvariantCulture))
            .Append(" args=").Append(TraceFormat.Value(Arguments))
            .Append(" from=").Append(Source.ToString()).Append('/').Append(SourceIndex?.ToString(CultureInfo.InvariantCulture) ?? "-")
            .Append(" state=").Append(StateAtEnter ?? Dataflow.Tonic.NoStateName).Append("->").Append(StateAtExit ?? Dataflow.Tonic.NoStateName)
            .Append(" t=").Append(EnteredAt.UtcTicks.ToString(CultureInfo.InvariantCulture))
            .Append("..").Append(ExitedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        if (ProbesAtEnter.Count > 0 || ProbesAtExit.Count > 0)
        {
            text.Append(" probes=").Append(TraceFormat.Value(ProbesAtEnter)).Append("->").Append(TraceFormat.Value(ProbesAtExit));
        }

        if (Failure is not null)
        {
            text.Append(" failed=").Append(Failure.GetType().Name);
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Index} {TonicName}.{Sparkle} [{StateAtEnter ?? Dataflow.Tonic.NoStateName} -> {StateAtExit ?? Dataflow.Tonic.NoStateName}] from {Source}";

    /// <summary>True when <paramref name="name"/> is this sparkle's TaskTonic name, its handler's name or its entry point's name.</summary>
    internal bool IsNamed(string name)
    {
        if (Sparkle == name || Handler == name)
        {
            return true;
        }

        var id = Tonic.Descriptor.FindSparkle(Sparkle);
        return id >= 0 && Tonic.Descriptor.Sparkles[id].EntryPoint == name;
    }
}

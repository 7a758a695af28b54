using System.ComponentModel;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Sparkles;

namespace TaskTonic.Dataflow;

/// <summary>
/// An object whose work is cut into sparkles: small handlers that run one at a time on the tonic's
/// <see cref="Catalyst"/>. Declare handlers with TaskTonic names in a <c>partial</c> class
/// (<c>ttsc__open()</c>, <c>ttse_locked__on_enter()</c>, <c>tts__step(int n)</c>); the source generator emits the
/// entry points (<c>Open()</c>), which only queue a work order. Inside a sparkle nothing else touches the tonic.
/// </summary>
/// <remarks>
/// A tonic must be created inside a sparkle (it becomes an infusion, a child, of the running tonic), inside a
/// formula step, or through <see cref="Ledger.Spawn{T}(Func{T}, Tonic?)"/>. Its <c>ttse__on_start</c> runs once the
/// creating sparkle has returned.
/// </remarks>
public abstract partial class Tonic
{
    /// <summary>The state value of a tonic whose state machine has not started or has stopped.</summary>
    public const int NoState = -1;

    /// <summary>How a missing state is shown in logs and traces.</summary>
    public const string NoStateName = "--";

    private readonly Ledger _ledger;
    private readonly TonicDescriptor _descriptor;
    private readonly string? _explicitName;

    /// <summary>Creates a tonic with default options.</summary>
    protected Tonic()
        : this((TonicOptions?)null)
    {
    }

    /// <summary>Creates a tonic with the given name.</summary>
    /// <param name="name">Unique among the live tonics of the ledger.</param>
    protected Tonic(string? name)
        : this(new TonicOptions { Name = name })
    {
    }

    /// <summary>Creates a tonic with the given options.</summary>
    /// <exception cref="InvalidOperationException">Created outside a sparkle, formula step or spawn scope; or the base or catalyst has completed.</exception>
    protected Tonic(TonicOptions? options)
        : this(options?.Name, options?.Base, options?.Catalyst, options?.LogMode)
    {
        if (options?.Mailbox is { } mailbox)
        {
            BoundMailbox(mailbox);
        }
    }

    private protected Tonic(string? name, Tonic? explicitBase, Catalyst? explicitCatalyst, LogMode? logMode)
    {
        _ledger = Ambient.Ledger ?? throw new InvalidOperationException(
            $"A {GetType().Name} can only be created inside a sparkle, a formula step or a spawn scope " +
            "(Ledger.Spawn / Formula.Spawn), so that it has a ledger and a base. It was created outside any of them.");
        Base = explicitBase ?? Ambient.Tonic;
        if (Base is not null && !ReferenceEquals(Base._ledger, _ledger))
        {
            throw new InvalidOperationException($"The base {Base.Name} belongs to another ledger than the one creating {GetType().Name}.");
        }

        if (Base is { IsCompleted: true })
        {
            throw new InvalidOperationException($"Cannot create {GetType().Name} as an infusion of {Base.Name}: it has completed.");
        }

        _catalyst = this as Catalyst ?? explicitCatalyst ?? Base?._catalyst ?? _ledger.MainCatalyst
            ?? throw new InvalidOperationException($"There is no catalyst to bind {GetType().Name} to: create the main catalyst first.");
        if (_catalyst.IsCompleted)
        {
            throw new InvalidOperationException($"Cannot bind {GetType().Name} to catalyst {_catalyst.Name}: it has completed.");
        }

        _descriptor = GeneratedDescriptor;
        _logMode = ResolveLogMode(logMode, Base, _ledger);
        var claim = Supervision.ConstructionClaim.Take(this, _ledger);
        _explicitName = claim is null ? name : claim.NameFor(this, name);
        if (claim?.Predecessor is { } predecessor)
        {
            // A supervisor restarts predecessor: this instance takes over its id and catalyst binding; the supervisor
            // moves the ledger slot, the place among the base's infusions and the pending work once the factory returned.
            Id = predecessor.Id;
            _catalyst = predecessor._catalyst;
            return;
        }

        Id = _ledger.Register(this, _explicitName, isRoot: Base is null, out var shuttingDown);
        try
        {
            Base?.AddInfusion(this);
        }
        catch
        {
            // The base is closing its infusions: leave no registration behind (the name stays free).
            _ledger.Unregister(this);
            throw;
        }

        if (!ReferenceEquals(_catalyst, this))
        {
            _catalyst.Bind();
        }

        if (ReferenceEquals(_catalyst, Ambient.Running))
        {
            // Created in a sparkle of its own catalyst: that catalyst cannot run the start before the creating sparkle
            // (and so this constructor) has returned, so the mailbox opens now and no start buffer is needed.
            OpenMailbox();
        }
        else
        {
            Ambient.AddPendingStart(this);
        }

        if (shuttingDown)
        {
            // A root created while the ledger shuts down: it starts, then finishes like the roots Shutdown found.
            RequestFinish();
        }

        ConstructionLog.Registered(this);
    }

    /// <summary>The tonic's id in its ledger: the lowest free slot when it was created.</summary>
    public int Id { get; }

    /// <summary>The tonic's name: the one given, else <c>"NN.TypeName"</c>.</summary>
    public string Name => _explicitName ?? $"{Id:00}.{GetType().Name}";

    /// <summary>The tonic that created this one (its parent), or null for a root.</summary>
    public Tonic? Base { get; }

    /// <summary>The ledger this tonic is registered in.</summary>
    public Ledger Ledger => _ledger;

    /// <summary>The catalyst that runs this tonic's sparkles.</summary>
    public Catalyst Catalyst => _catalyst;

    /// <summary>The compile-time tables of this tonic's class (states and sparkles).</summary>
    public TonicDescriptor Descriptor => _descriptor;

    /// <summary>Generated: the tables of the concrete class. Not for user code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual TonicDescriptor GeneratedDescriptor => TonicDescriptor.Empty(GetType());

    /// <inheritdoc />
    public override string ToString() => $"<{Id:00} {GetType().Name} {Name}>";

    internal bool HasExplicitName => _explicitName is not null;

    internal static string NameOfSparkle(Tonic? tonic, int sparkle) =>
        tonic is null ? SystemSparkle.NameOf(sparkle) : tonic._descriptor.SparkleName(sparkle);

    internal static SparkleSource SourceOf(Tonic? source, int sparkle) =>
        source is null && sparkle == SystemSparkle.None
            ? SparkleSource.None
            : new SparkleSource(source, NameOfSparkle(source, sparkle), source?.Id ?? -1);
}

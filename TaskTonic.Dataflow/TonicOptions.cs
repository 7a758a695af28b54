namespace TaskTonic.Dataflow;

/// <summary>Optional settings for a new tonic. Every property has a sensible default.</summary>
public sealed class TonicOptions
{
    /// <summary>
    /// The tonic's name, unique among live tonics of its ledger. Default: <c>"NN.TypeName"</c> from its id.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>The catalyst that runs the tonic's sparkles. Default: its base's catalyst, else the main catalyst.</summary>
    public Catalyst? Catalyst { get; init; }

    /// <summary>The parent (base) of the tonic. Default: the tonic whose sparkle is running.</summary>
    public Tonic? Base { get; init; }

    /// <summary>How much the tonic logs. Default: its base's mode, else <see cref="FormulaSettings.DefaultLogMode"/>.</summary>
    public LogMode? LogMode { get; init; }

    /// <summary>
    /// Bounds the mailbox: at most <see cref="BoundedMailbox.Capacity"/> sparkles posted through generated entry points
    /// wait to run, and <see cref="BoundedMailbox.WhenFull"/> decides about one more (wait, drop counted, or fail).
    /// Default null: the mailbox is unbounded, posting never waits and never fails, and memory grows with the backlog.
    /// </summary>
    public BoundedMailbox? Mailbox { get; init; }
}

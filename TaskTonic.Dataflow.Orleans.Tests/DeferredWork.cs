using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>
/// What a <see cref="Later"/> handler leaves for later, shared between a test and the silos (all in this process): the
/// handler binds <see cref="Released"/> to its tonic, so the number reaches the tonic only when the test completes it,
/// between the key's grain turns. With a hold, the delivery blocks on it, so the key's loop stays busy until the test
/// sets it.
/// </summary>
public sealed class DeferredWork
{
    private static readonly ConcurrentDictionary<string, DeferredWork> ById = new();

    private DeferredWork(bool hold) => Hold = hold ? new ManualResetEventSlim() : null;

    /// <summary>The work of <paramref name="id"/>; the first call decides whether its delivery waits for <see cref="Hold"/>.</summary>
    public static DeferredWork For(string id, bool hold = false) => ById.GetOrAdd(id, _ => new DeferredWork(hold));

    /// <summary>Completed by the test: the number is then delivered to the tonic.</summary>
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the delivery starts: true when it runs outside any task scheduler of Orleans (so not on a grain turn).</summary>
    public TaskCompletionSource<bool> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once the delivered number was counted.</summary>
    public TaskCompletionSource Counted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When not null, the delivery waits for it before counting.</summary>
    public ManualResetEventSlim? Hold { get; }

    /// <summary>The catalyst of the key's tonic (set by the handler).</summary>
    public Catalyst? Catalyst { get; set; }

    /// <summary>True when the handler itself ran under a task scheduler other than the default one (a grain turn's).</summary>
    public bool HandledOnTurn { get; set; }
}

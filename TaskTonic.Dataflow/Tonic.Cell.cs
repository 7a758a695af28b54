using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

// The runtime cell's catalyst-only steps. A catalyst is a tonic that also owns a loop: it overrides these members, so the
// lifecycle never asks what kind of tonic it runs. Each sits where a type test was; none is on the per-sparkle path.
public abstract partial class Tonic
{
    /// <summary>True for a catalyst: it is not moved, not restarted, not a scatter-gather caller and not counted as work.</summary>
    internal virtual bool IsCatalyst => false;

    /// <summary>On its catalyst, after <c>ttse__on_start</c> and the transitions it asked for ran.</summary>
    private protected virtual void OnCellStarted()
    {
    }

    /// <summary>Besides its infusions, what still keeps a finishing tonic from completing (a catalyst: tonics bound to it).</summary>
    private protected virtual bool IsHeldOpen => false;

    /// <summary>
    /// After it left the ledger: releases its catalyst and signals <see cref="Completion"/>. A catalyst completes its loop
    /// instead, and signals once the loop has drained.
    /// </summary>
    private protected virtual void ReleaseCell()
    {
        _catalyst.Unbind();
        SignalCompletion();
    }

    /// <summary>Its construction failed and was undone: like <see cref="ReleaseCell"/>, for a cell that may be half built.</summary>
    private protected virtual void AbandonCell() => ReleaseCell();

    /// <summary>On its catalyst, after an infusion completed while it runs normally (a main catalyst may auto-finish).</summary>
    private protected virtual void OnInfusionGone()
    {
    }

    /// <summary>On a catalyst, after the last tonic bound to it left. Only a catalyst is sent this work order.</summary>
    private protected virtual void OnBoundTonicsLeft() =>
        System.Diagnostics.Debug.Fail($"{Name} is not a catalyst, yet it was sent work order {SystemSparkle.NameOf(SystemSparkle.TonicLeft)}.");
}

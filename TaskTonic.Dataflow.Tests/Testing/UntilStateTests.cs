using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Testing;

/// <summary>Issue 11 item 11: <c>RunUntilState</c> with a state no tonic has is an error, not a silent run to idle.</summary>
public sealed partial class UntilStateTests
{
    [TonicStates("locked", "unlocked")]
    private sealed partial class Lock : Tonic
    {
        private void ttse__on_start() => ToState(States.Locked);
    }

    /// <summary>Creates the stateful tonic only in its start, so its states are unknown when Sparkle is called.</summary>
    private sealed partial class Maker : Tonic
    {
        private void ttse__on_start() => _ = new Lock();
    }

    [Fact]
    public void US01_a_misspelt_state_throws_naming_the_known_states()
    {
        var distiller = new Distiller();
        distiller.Spawn(() => new Lock());

        var thrown = Assert.Throws<ArgumentException>(() => distiller.RunUntilState("lockd"));

        Assert.Equal("state", thrown.ParamName);
        Assert.Contains("'lockd'", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Known states: locked, unlocked.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void US02_a_state_of_a_tonic_created_during_the_run_is_known()
    {
        var distiller = new Distiller();
        distiller.Spawn(() => new Maker());

        var result = distiller.RunUntilState("locked");

        Assert.True(result.StoppedBecause(StopReasons.State));
    }

    [Fact]
    public void US03_a_state_that_exists_but_is_not_reached_is_not_an_error()
    {
        var distiller = new Distiller();
        distiller.Spawn(() => new Lock());

        var result = distiller.RunUntilState("unlocked");

        Assert.False(result.StoppedBecause(StopReasons.State));
        Assert.True(result.StoppedBecause(StopReasons.Idle));
    }
}

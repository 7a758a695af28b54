using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

public sealed partial class SmokeTests
{
    [TonicStates("open")]
    private sealed partial class Door : Tonic
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0052")]
        public List<string> Events { get; } = [];

        private void ttse__on_start() => ToState(States.Locked);

        private void ttse_locked__on_enter() => Events.Add("enter locked");

        private void ttse__on_exit() => Events.Add($"exit {StateName}");

        private void ttsc_locked__open() => Events.Add("cannot open");

        private void ttsc_locked__unlock() => ToState(States.Unlocked);

        private void ttsc_unlocked__open()
        {
            Events.Add("opening");
            ToState(States.Open);
        }

        private void ttsc__knock(string who, int times) => Events.Add($"{who} x{times}");
    }

    [Fact]
    public void Door_follows_its_states_in_the_distiller()
    {
        var distiller = new Distiller();
        var door = distiller.Spawn(() => new Door());
        distiller.RunUntilState("locked");
        door.Open();
        door.Unlock();
        door.Open();
        door.Knock("bob", 3);
        distiller.RunUntilIdle();
        Assert.Equal(["enter locked", "cannot open", "exit locked", "opening", "exit unlocked", "bob x3"], door.Events);
        Assert.Equal("open", door.StateName);
    }

    [Fact]
    public async Task Door_runs_on_a_real_catalyst()
    {
        var formula = new Formula();
        Door? door = null;
        formula.AddStartingTonic(() => door = new Door());
        var run = formula.RunAsync();
        door!.Unlock();
        door.Open();
        door.Finish();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("opening", door.Events);
        Assert.True(door.IsCompleted);
        Assert.Equal(0, formula.Ledger.Count);
    }
}

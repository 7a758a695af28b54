using TaskTonic.Dataflow.Testing;

namespace TaskTonicApp.Tests;

public class CounterTests
{
    [Fact]
    public void Counter_reaches_its_target_and_finishes()
    {
        var distiller = new Distiller();   // deterministic, on virtual time
        var counter = distiller.Spawn(() => new Counter(target: 3));

        distiller.RunUntilIdle();               // runs until nothing is left to do

        Assert.Equal(3, counter.Total);
        Assert.True(counter.IsCompleted);
    }

    [Fact]
    public void The_distiller_can_stop_after_the_first_add()
    {
        var distiller = new Distiller();
        var counter = distiller.Spawn(() => new Counter(target: 3));

        distiller.RunUntilSparkle("ttsc__add");   // step: stop once one add has run

        Assert.Equal(1, counter.Total);
        Assert.False(counter.IsCompleted);
    }
}

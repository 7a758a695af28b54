using TaskTonic.Dataflow.Testing;

namespace TaskTonicService.Tests;

public class HeartbeatTests
{
    [Fact]
    public void Heartbeat_beats_once_per_period_on_virtual_time()
    {
        var distiller = new Distiller();   // virtual clock: an hour of beats runs in milliseconds
        var heartbeat = distiller.Spawn(() => new Heartbeat(TimeSpan.FromMinutes(1)));

        distiller.RunUntil(() => heartbeat.Beats == 60, TimeSpan.FromHours(2));

        Assert.Equal(60, heartbeat.Beats);
        Assert.False(heartbeat.IsCompleted);
    }

    [Fact]
    public void Heartbeat_with_a_limit_finishes_after_that_many_beats()
    {
        var distiller = new Distiller();
        var heartbeat = distiller.Spawn(() => new Heartbeat(TimeSpan.FromSeconds(5), maxBeats: 3));

        distiller.RunUntilIdle(TimeSpan.FromMinutes(5));

        Assert.Equal(3, heartbeat.Beats);
        Assert.True(heartbeat.IsCompleted);
    }

    [Fact]
    public void A_non_positive_period_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Distiller().Spawn(() => new Heartbeat(TimeSpan.Zero)));
}

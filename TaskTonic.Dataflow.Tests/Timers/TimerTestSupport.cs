using System.Threading.Channels;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Helpers of the timer tests: virtual-time steps for the distiller, and a safety net for real runs.</summary>
internal static class TimerTestSupport
{
    /// <summary>How long a real run may hang before the test fails; never a sleep, only a bound on an await.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    /// <summary>Awaits <paramref name="task"/> with the safety net.</summary>
    public static Task InTime(this Task task) => task.WaitAsync(SafetyNet);

    /// <summary>Awaits <paramref name="task"/> with the safety net.</summary>
    public static Task<T> InTime<T>(this Task<T> task) => task.WaitAsync(SafetyNet);

    /// <summary>Reads the next item of <paramref name="reader"/> with the safety net.</summary>
    public static Task<T> NextAsync<T>(this ChannelReader<T> reader) => reader.ReadAsync().AsTask().WaitAsync(SafetyNet);

    /// <summary>
    /// Runs the work already queued (which may move the clock, as a busy sparkle does), then everything the distiller
    /// has to do for <paramref name="span"/> of virtual time from there (firing the timers due on the way, including one
    /// due exactly at the end), and leaves the clock at that end.
    /// </summary>
    public static void RunFor(this Distiller distiller, TimeSpan span)
    {
        distiller.RunQueued();
        var target = distiller.Clock.GetUtcNow() + span;
        distiller.RunUntilIdle(span);
        distiller.Clock.AdvanceTo(target);
        distiller.RunQueued();
    }

    /// <summary>Runs the work orders already queued (and whatever they queue) without moving the clock.</summary>
    public static void RunQueued(this Distiller distiller) => distiller.RunUntilIdle(TimeSpan.Zero);

    /// <summary>Seconds since <paramref name="origin"/>, for readable assertions.</summary>
    public static double SecondsSince(this DateTimeOffset instant, DateTimeOffset origin) => (instant - origin).TotalSeconds;
}

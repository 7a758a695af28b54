namespace TaskTonic.Dataflow.Samples.TrafficLight;

/// <summary>How long each phase of the <see cref="TrafficLightController"/> lasts.</summary>
/// <param name="Red">The red phase.</param>
/// <param name="Green">The green phase.</param>
/// <param name="Yellow">The yellow phase.</param>
/// <param name="ShortGreen">Green after the pedestrian button (and the most a pressed green has left).</param>
internal sealed record LightTimings(TimeSpan Red, TimeSpan Green, TimeSpan Yellow, TimeSpan ShortGreen)
{
    /// <summary>A short real-time run: one cycle is 300 ms.</summary>
    public static LightTimings Demo { get; } = new(
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(40));
}

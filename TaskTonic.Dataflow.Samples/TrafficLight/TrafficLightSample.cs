namespace TaskTonic.Dataflow.Samples.TrafficLight;

/// <summary>
/// A traffic light on a real formula and the real clock: red 100 ms, green 150 ms, yellow 50 ms, two cycles. A
/// pedestrian (on a 5 ms repeat timer) presses the button during the first green, which is cut short, and during the
/// second red, so the second green is short. The light finishes itself, and with it the run.
/// </summary>
internal static class TrafficLightSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var timings = LightTimings.Demo;
        var formula = new Formula();
        formula.AddStartingTonic(() =>
        {
            var light = new TrafficLightController(output, timings, cycles: 2);
            _ = new Pedestrian(light, output, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(290));
            return light;
        });
        await formula.RunAsync();
        output.WriteLine($"Formula status: {formula.Status}; live tonics: {formula.Ledger.Count}.");
    }
}

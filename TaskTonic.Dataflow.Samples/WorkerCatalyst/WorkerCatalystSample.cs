namespace TaskTonic.Dataflow.Samples.WorkerCatalyst;

/// <summary>
/// A tonic creates a worker catalyst; the worker's own start creates tonics bound to it. When they finish the worker
/// completes, the dispatcher finishes, and with no tonic left the application ends.
/// </summary>
internal static class WorkerCatalystSample
{
    public static Task RunAsync(TextWriter output) => new Formula().AddStartingTonic(() => new Dispatcher(output)).RunAsync();
}

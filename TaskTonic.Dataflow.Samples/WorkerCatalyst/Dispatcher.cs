using TaskTonic.Dataflow.Tasks;

namespace TaskTonic.Dataflow.Samples.WorkerCatalyst;

/// <summary>
/// A tonic on the main catalyst that creates a worker catalyst at run time (the catalyst documentation's example),
/// and finishes itself when the worker has completed (the task bridge delivers the completion as a sparkle).
/// </summary>
public sealed partial class Dispatcher : Tonic
{
    private readonly TextWriter _output;

    public Dispatcher(TextWriter output) => _output = output;

    private void ttse__on_start()
    {
        _output.WriteLine($"  [{Name}] on '{Catalyst.Name}', thread {Environment.CurrentManagedThreadId}: creating the worker catalyst.");
        var worker = new JobCatalyst(_output);
        worker.Completion.DeliverTo(this, onCompleted: Finish, onFailed: ex => _output.WriteLine($"  [{Name}] worker failed: {ex.Message}"));
    }

    private void ttse__on_finished() => _output.WriteLine($"  [{Name}] finished after its worker catalyst completed.");
}

namespace TaskTonic.Dataflow.Samples.WorkerCatalyst;

/// <summary>Runs a few jobs as separate sparkles on the worker catalyst, then finishes.</summary>
public sealed partial class JobRunner : Tonic
{
    private readonly TextWriter _output;

    public JobRunner(TextWriter output, string name)
        : base(name) => _output = output;

    private void ttsc__run(int jobs) => Job(1, jobs);

    private void tts__job(int number, int total)
    {
        _output.WriteLine($"  [{Name}] job {number}/{total} on catalyst '{Catalyst.Name}', thread {Environment.CurrentManagedThreadId}");
        if (number < total)
        {
            Job(number + 1, total);
        }
        else
        {
            Finish();
        }
    }
}

using TaskTonic.Dataflow;

namespace TaskTonic.Dataflow.Samples.HelloWorld;

/// <summary>The smallest tonic: greets on start, answers one command, then finishes itself.</summary>
public sealed partial class HelloTonic : Tonic
{
    private readonly TextWriter _output;

    public HelloTonic(TextWriter output) => _output = output;

    private void ttse__on_start()
    {
        _output.WriteLine($"[{Name}] Hello, world!");
        Greet("TaskTonic.Dataflow");
    }

    private void ttsc__greet(string who)
    {
        _output.WriteLine($"[{Name}] Hello, {who}, from {SparkleContext.Current.SparkleName} (sent by {SparkleContext.Current.Source}).");
        Finish();
    }

    private void ttse__on_finished() => _output.WriteLine($"[{Name}] Goodbye.");
}

using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Interop;

namespace TaskTonic.Dataflow.Samples.Pipeline;

/// <summary>
/// A pipeline stage that is a tonic: a bounded Dataflow input (back-pressure to whoever feeds it), a sparkle per item,
/// and its results published as an event source. It finishes itself when its input completes.
/// </summary>
public sealed partial class SquareStage : Tonic
{
    public SquareStage(int capacity)
    {
        Output = new TonicEventSource<long>(this);
        Input = new TonicTargetBlock<int>(this, Square, new TonicTargetBlockOptions
        {
            BoundedCapacity = capacity,
            FinishTonicOnCompletion = true,
            OnCompleted = error =>
            {
                if (error is not null)
                {
                    ((IDataflowBlock)Output).Fault(error);
                }
            },
        });
    }

    public TonicTargetBlock<int> Input { get; }

    public TonicEventSource<long> Output { get; }

    public int MostWaiting { get; private set; }

    private void Square(int item)
    {
        MostWaiting = Math.Max(MostWaiting, Input.InputCount);
        Output.Publish((long)item * item);
    }
}

using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Isolation;

/// <summary>Issue 11 item 8: a handler parameter named like a member the generated code uses cannot change what that code does.</summary>
public sealed partial class ParameterCaptureTests
{
    private sealed partial class Receiver : Tonic
    {
        public List<int>? Received { get; private set; }

        public bool ReceivedFlag { get; private set; }

        private void ttsc__take(List<int> items, bool IsolationRequired)
        {
            Received = items;
            ReceivedFlag = IsolationRequired;
        }
    }

    [Fact]
    public void A_parameter_named_IsolationRequired_does_not_turn_off_the_copy_of_a_call_from_outside_any_sparkle()
    {
        var distiller = new Distiller();
        var receiver = distiller.Spawn(() => new Receiver());
        var items = new List<int> { 1, 2 };

        receiver.Take(items, IsolationRequired: false);
        items.Add(3);
        distiller.RunUntilIdle();

        Assert.Equal([1, 2], receiver.Received);
        Assert.NotSame(items, receiver.Received);
        Assert.False(receiver.ReceivedFlag);
    }
}

using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Isolation;

public sealed partial class ArgumentIsolationTests
{
    public sealed record Reading(string Sensor, double Value);

    private sealed partial class Receiver : Tonic
    {
        public Receiver(Catalyst? catalyst = null)
            : base(new TonicOptions { Catalyst = catalyst })
        {
        }

        public List<int>? Received { get; private set; }

        public List<int> Snapshot { get; } = [];

        public Reading? LastReading { get; private set; }

        private void ttsc__receive(List<int> items)
        {
            Received = items;
            Snapshot.AddRange(items);
        }

        private void ttsc__read(Reading reading) => LastReading = reading;
    }

    private sealed partial class Sender : Tonic
    {
        private readonly Receiver _target;

        public Sender(Receiver target) => _target = target;

        public List<int>? Sent { get; private set; }

        private void ttsc__send()
        {
            Sent = [1, 2, 3];
            _target.Receive(Sent);
            Sent.Add(4);
        }
    }

    private sealed partial class Host : Tonic
    {
        public Receiver? Remote { get; private set; }

        public Receiver? Local { get; private set; }

        public Sender? ToRemote { get; private set; }

        public Sender? ToLocal { get; private set; }

        private void ttse__on_start()
        {
            var worker = new Catalyst(new CatalystOptions { Name = "worker" });
            Remote = new Receiver(worker);
            Local = new Receiver();
            ToRemote = new Sender(Remote);
            ToLocal = new Sender(Local);
        }
    }

    [Fact]
    public void X01_a_list_mutated_after_posting_to_another_catalyst_is_not_seen_by_the_receiver()
    {
        var distiller = new Distiller();
        var host = distiller.Spawn(() => new Host());
        distiller.RunUntilIdle();
        host.ToRemote!.Send();
        distiller.RunUntilIdle();
        Assert.Equal([1, 2, 3], host.Remote!.Snapshot);
        Assert.NotSame(host.ToRemote.Sent, host.Remote.Received);
        Assert.Equal([1, 2, 3], host.Remote.Received);
    }

    [Fact]
    public void X04_same_catalyst_calls_pass_by_reference()
    {
        var distiller = new Distiller();
        var host = distiller.Spawn(() => new Host());
        distiller.RunUntilIdle();
        host.ToLocal!.Send();
        distiller.RunUntilIdle();
        Assert.Same(host.ToLocal.Sent, host.Local!.Received);
        Assert.Equal([1, 2, 3, 4], host.Local.Received);
    }

    [Fact]
    public void Immutable_records_pass_by_reference_even_across_catalysts()
    {
        var distiller = new Distiller();
        var host = distiller.Spawn(() => new Host());
        distiller.RunUntilIdle();
        var reading = new Reading("t1", 21.5);
        host.Remote!.Read(reading);
        distiller.RunUntilIdle();
        Assert.Same(reading, host.Remote.LastReading);
    }

    [Fact]
    public void X01_calls_from_outside_any_sparkle_are_copied()
    {
        var distiller = new Distiller();
        var receiver = distiller.Spawn(() => new Receiver());
        var items = new List<int> { 9, 8, 7 };
        receiver.Receive(items);
        items.Clear();
        distiller.RunUntilIdle();
        Assert.Equal([9, 8, 7], receiver.Received);
        Assert.NotSame(items, receiver.Received);
    }
}

using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Serialization;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Isolation;

public sealed partial class DeepGraphCopyTests
{
    /// <summary>A value whose cycle runs through a member typed object (written by MessagePack's object formatter).</summary>
    public sealed class Holder
    {
        public string Label { get; set; } = string.Empty;

        public object? Item { get; set; }
    }

    public sealed class Node
    {
        public int Value { get; set; }

        public Node? Next { get; set; }
    }

    /// <summary>Generic, so the generator copies its argument without seeing the argument's type (nor its cycles).</summary>
    private sealed partial class Receiver<T> : Tonic
    {
        public Receiver(Catalyst? catalyst = null)
            : base(new TonicOptions { Catalyst = catalyst })
        {
        }

        public List<T> Received { get; } = [];

        private void ttsc__take(T item) => Received.Add(item);
    }

    private sealed partial class Sender : Tonic
    {
        private readonly Receiver<Node> _target;

        public Sender(Receiver<Node> target) => _target = target;

        private void ttsc__send_cycle()
        {
            var node = new Node { Value = 1 };
            node.Next = new Node { Value = 2, Next = node };
            _target.Take(node);
        }

        private void ttsc__send_plain() => _target.Take(Chain(3));
    }

    private static Node Chain(int length)
    {
        Node? head = null;
        for (var i = length - 1; i >= 0; i--)
        {
            head = new Node { Value = i, Next = head };
        }

        return head!;
    }

    [Fact]
    public void A_cyclic_argument_posted_from_outside_is_refused_at_the_caller_with_the_reason()
    {
        var distiller = new Distiller();
        var receiver = distiller.Spawn(() => new Receiver<Node>());
        var node = new Node();
        node.Next = node;

        var error = Assert.Throws<ArgumentException>(() => receiver.Take(node));

        Assert.Contains("cycle detected", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Node).FullName!, error.Message, StringComparison.Ordinal);
        receiver.Take(Chain(2));
        distiller.RunUntilIdle();
        Assert.Equal(2, CountOf(Assert.Single(receiver.Received)));
    }

    [Fact]
    public void A_cyclic_argument_sent_to_another_catalyst_fails_the_sending_sparkle_and_both_catalysts_go_on()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var receiver = distiller.Spawn(() => new Receiver<Node>(new Catalyst(new CatalystOptions { Name = "worker" })));
        var sender = distiller.Spawn(() => new Sender(receiver));

        sender.SendCycle();
        sender.SendPlain();
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Same(sender, failure.Target);
        var error = Assert.IsType<ArgumentException>(failure.Exception);
        Assert.Contains("cycle detected", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(Assert.Single(receiver.Received)));
    }

    [Fact]
    public void A_cycle_through_members_typed_object_is_refused_not_by_a_stack_overflow()
    {
        var holder = new Holder { Label = "cyclic" };
        holder.Item = new List<object> { "x", holder };

        var error = Assert.Throws<ArgumentException>(() => ArgumentCopier.Copy(holder));

        Assert.Contains("cycle detected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_list_a_thousand_deep_copies_in_full()
    {
        var copy = ArgumentCopier.Copy(Chain(1_000));

        var count = 0;
        for (var node = copy; node is not null; node = node.Next)
        {
            Assert.Equal(count++, node.Value);
        }

        Assert.Equal(1_000, count);
    }

    [Fact]
    public void A_linked_list_beyond_the_limit_is_refused_naming_the_limit_not_by_a_stack_overflow()
    {
        var error = Assert.Throws<ArgumentException>(() => ArgumentCopier.Copy(Chain(20_000)));

        Assert.Contains($"deeper than {ArgumentCopier.MaxDepth} levels", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Node).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Equal(1_000, CountOf(ArgumentCopier.Copy(Chain(1_000))));
    }

    [Fact]
    public void A_deep_list_on_a_small_stack_is_refused_before_the_stack_overflows()
    {
        Exception? caught = null;
        var thread = new Thread(() => caught = Record.Exception(() => ArgumentCopier.Copy(Chain(ArgumentCopier.MaxDepth))), 256 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        var error = Assert.IsType<ArgumentException>(caught);
        Assert.Contains("more than the stack of this thread can copy", error.Message, StringComparison.Ordinal);
    }

    private static int CountOf(Node? node)
    {
        var count = 0;
        for (; node is not null; node = node.Next)
        {
            count++;
        }

        return count;
    }
}

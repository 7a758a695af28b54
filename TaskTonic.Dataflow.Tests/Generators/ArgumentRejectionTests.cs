using System.Globalization;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>
/// TTDF009 for types that can cross catalysts neither by reference nor by copy (issue 11 items 2 and 3): types that reach
/// themselves and types holding delegates are refused at compile time with the reason, and legitimate types still pass.
/// </summary>
public sealed class ArgumentRejectionTests
{
    private const string Usings = "using System; using System.Collections.Generic; using TaskTonic.Dataflow;\nnamespace N;\n";

    private static GeneratorHarness.Run Generate(string types, string parameter) =>
        GeneratorHarness.Generate(Usings + types + $"\npublic partial class Door : Tonic {{ void ttsc__take({parameter} value) {{ }} }}");

    private static string RejectionMessage(GeneratorHarness.Run run)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TTDF009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.GeneratedSources);
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void TTDF009_a_mutable_type_that_reaches_itself_is_refused_with_the_reason()
    {
        var run = Generate("public class Node { public int Value; public Node? Next; }", "Node");

        Assert.Equal(
            "Parameter 'value' of handler 'ttsc__take' has type 'N.Node', which is not immutable and cannot be copied with MessagePack: " +
            "the mutable type 'N.Node' reaches itself through 'Next', so a copy could be cyclic or arbitrarily deep; use an immutable type " +
            "(a record, a readonly struct, an immutable collection), a MessagePack-serializable type, or mark the parameter [PassByReference] to share it deliberately",
            RejectionMessage(run));
    }

    [Theory]
    [InlineData("public class Tree { public List<Tree> Children { get; set; } = new(); }", "Tree", "'N.Tree' reaches itself through 'Children'")]
    [InlineData("public class A { public B? Other { get; set; } } public class B { public A? Back { get; set; } }", "A", "'N.A' reaches itself through 'Other'")]
    [InlineData("public class A { public B? Other { get; set; } } public class B { public A? Back { get; set; } }", "List<B>", "'N.B' reaches itself through 'Back'")]
    [InlineData("public sealed record Holder(Loop L); public class Loop { public Holder? H { get; set; } }", "Holder", "reaches itself through")]
    public void TTDF009_a_cycle_through_a_collection_another_type_or_a_record_is_refused(string types, string parameter, string reason)
    {
        Assert.Contains(reason, RejectionMessage(Generate(types, parameter)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public record WithFunc(Func<int> F);", "WithFunc")]
    [InlineData("public class WithAction { public Action? Callback { get; set; } }", "WithAction")]
    [InlineData("public class WithField { public Action<int>? OnValue; }", "WithField")]
    [InlineData("public sealed record Outer(Inner I); public sealed record Inner(Func<int> F);", "Outer")]
    [InlineData("", "Action")]
    [InlineData("", "List<Func<int>>")]
    public void TTDF009_a_type_holding_a_delegate_is_refused_because_a_delegate_captures_mutable_state(string types, string parameter)
    {
        Assert.Contains("captures mutable state of the sender and cannot be copied", RejectionMessage(Generate(types, parameter)), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF009_a_type_with_an_event_is_refused_because_its_subscribers_are_delegates()
    {
        var run = Generate("public class WithEvent { public event EventHandler? Changed; public void Raise() => Changed?.Invoke(this, EventArgs.Empty); }", "WithEvent");

        Assert.Contains("the event 'WithEvent.Changed' holds delegates, which capture mutable state of the sender", RejectionMessage(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public record WithFunc(Func<int> F);", "[PassByReference] WithFunc")]
    [InlineData("[PassByReference] public class WithAction { public Action? Callback { get; set; } }", "WithAction")]
    [InlineData("public class Node { public Node? Next; }", "[PassByReference] Node")]
    public void PassByReference_still_opts_out_of_the_check(string types, string parameter)
    {
        var run = Generate(types, parameter);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
    }

    [Theory]
    [InlineData("public sealed record Node(int Value, Node? Next);", "Node")]
    [InlineData("public sealed record Tree(string Name, System.Collections.Immutable.ImmutableList<Tree> Children);", "Tree")]
    [InlineData("public class Point { public int X { get; set; } public int Y { get; set; } }", "Point")]
    [InlineData("public class Bag { public List<string> Items { get; set; } = new(); public Dictionary<string, int[]> Counts { get; set; } = new(); }", "Bag")]
    [InlineData("public sealed record Reading(string Sensor, double Value);", "List<Reading>")]
    [InlineData("", "Dictionary<string, List<int>>")]
    public void Immutable_recursive_records_and_acyclic_mutable_types_are_still_accepted(string types, string parameter)
    {
        var run = Generate(types, parameter);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
    }
}

using System.Globalization;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>The ttev__member__event grammar at compile time: what binds, what it generates, TTDF020–TTDF022.</summary>
public sealed class EventBindingGeneratorTests
{
    private const string Prelude = """
        using System;
        using TaskTonic.Dataflow;
        namespace N;
        public sealed record ClickArgs(int Count);
        public delegate void Moved(int x, string where);
        public delegate int Asked(string question);
        public interface IButton { event EventHandler<ClickArgs>? Clicked; }
        public class Widget : IButton
        {
            public event EventHandler<ClickArgs>? Clicked;
            public event Moved? Moving;
            public event Asked? Asking;
            public event Action? Pressed;
            public static event Action? Global;
            internal void Raise() { Clicked?.Invoke(this, new ClickArgs(1)); Moving?.Invoke(1, ""); Asking?.Invoke(""); Pressed?.Invoke(); Global?.Invoke(); }
        }
        """;

    private static GeneratorHarness.Run Generate(string body) => GeneratorHarness.Generate(Prelude + body);

    private static Diagnostic Single(GeneratorHarness.Run run, string id, string markedText)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(markedText, run.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
        return diagnostic;
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void Every_supported_form_binds_and_the_generated_code_compiles_without_warnings()
    {
        var run = Generate("""
            [TonicStates("idle")]
            public partial class Panel : Tonic
            {
                public Widget OkButton { get; } = new();
                private readonly Widget _spare = new();
                internal IButton? Other = new Widget();
                public IObservable<int> Ticks { get; set; } = null!;

                private void ttev__ok_button__clicked(object? sender, ClickArgs e) { }
                private void ttev_idle__ok_button__clicked(object? sender, ClickArgs e) { }
                private void ttev__spare__clicked(ClickArgs e) { }
                private void ttev__spare__moving(int x, string where) { }
                private void ttev__spare__pressed() { }
                private void ttev__other__clicked(object sender, object e) { }
                private void ttev__ticks__next(int value) { }
                private void ttev__ticks__error(Exception error) { }
                private void ttev__ticks__completed() { }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        var generated = run.AllGenerated;
        Assert.Contains("protected override void BindGeneratedEvents()", generated, StringComparison.Ordinal);
        Assert.Contains("protected override void UnbindGeneratedEvents()", generated, StringComparison.Ordinal);
        Assert.Contains("__tt_source.Clicked +=", generated, StringComparison.Ordinal);
        Assert.Contains("((global::System.IObservable<int>)__tt_source).Subscribe(", generated, StringComparison.Ordinal);
        Assert.Contains("SparkleKind.Binding", generated, StringComparison.Ordinal);
        // No public entry point: only the bound event posts these sparkles.
        var panel = run.Type("N.Panel");
        Assert.DoesNotContain(panel.GetMembers(), m => m.Name.Contains("Clicked", StringComparison.Ordinal) && m is IMethodSymbol);
    }

    [Fact]
    public void A_binding_in_a_derived_class_keeps_the_base_bindings()
    {
        var run = Generate("""
            public partial class Base : Tonic
            {
                public Widget OkButton { get; } = new();
                private void ttev__ok_button__pressed() { }
            }

            public partial class Derived : Base
            {
                private void ttev__ok_button__clicked(ClickArgs e) { }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Equal(2, run.GeneratedSources.Count(s => s.Contains("base.BindGeneratedEvents();", StringComparison.Ordinal)));
    }

    [Fact]
    public void TTDF020_a_binding_to_a_missing_member_names_the_forms_it_looked_for()
    {
        var run = Generate("public partial class Panel : Tonic { private readonly Widget _okButon = new(); void ttev__ok_button__clicked() { } }");

        var diagnostic = Single(run, "TTDF020", "ttev__ok_button__clicked");
        Assert.Equal(
            "Handler 'ttev__ok_button__clicked' binds member 'ok_button', but 'Panel' has no field or property named OkButton, okButton, _okButton or ok_button that it can read; declare the member or fix the name (ttev__member__event)",
            Message(diagnostic));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void TTDF021_a_binding_to_a_missing_event_is_an_error()
    {
        var run = Generate("public partial class Panel : Tonic { public Widget OkButton { get; } = new(); void ttev__ok_button__click() { } }");

        var diagnostic = Single(run, "TTDF021", "ttev__ok_button__click");
        Assert.Equal("Handler 'ttev__ok_button__click' binds 'click' of member 'OkButton' (type 'N.Widget'), but it has no accessible instance event 'Click'", Message(diagnostic));
    }

    [Theory]
    [InlineData("public Widget OkButton { get; } = new(); void ttev__ok_button__global() { }", "no accessible instance event 'Global'")]
    [InlineData("public IObservable<int> Ticks { get; } = null!; void ttev__ticks__value(int v) { }", "it is an IObservable<int>, whose notifications are next, error and completed")]
    [InlineData("public int Count { get; } void ttev__count__changed() { }", "it is not a reference type")]
    public void TTDF021_static_events_unknown_notifications_and_value_types_are_refused(string members, string reason)
    {
        var run = Generate("public partial class Panel : Tonic { " + members + " }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TTDF021", diagnostic.Id);
        Assert.Contains(reason, Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF022_handler_parameters_that_the_event_does_not_deliver_are_an_error()
    {
        var run = Generate("public partial class Panel : Tonic { public Widget OkButton { get; } = new(); void ttev__ok_button__clicked(string text) { } }");

        var diagnostic = Single(run, "TTDF022", "ttev__ok_button__clicked");
        Assert.Equal(
            "Handler 'ttev__ok_button__clicked' takes (string) but event 'N.Widget.Clicked' delivers (object?, N.ClickArgs); declare (object?, N.ClickArgs) or (N.ClickArgs) or ()",
            Message(diagnostic));
    }

    [Theory]
    [InlineData("void ttev__ok_button__asking(string q) { }", "its delegate returns 'int'")]
    [InlineData("void ttev__ok_button__moving(string where, int x) { }", "declare (int, string) or ()")]
    [InlineData("void ttev__ticks__next(string value) { }", "notification 'next' of IObservable<int> 'Ticks' delivers (int)")]
    [InlineData("void ttev__ticks__completed(int value) { }", "delivers (); declare ()")]
    public void TTDF022_return_values_wrong_order_and_observable_mismatches_are_refused(string handler, string expected)
    {
        var run = Generate("public partial class Panel : Tonic { public Widget OkButton { get; } = new(); public IObservable<int> Ticks { get; } = null!; " + handler + " }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TTDF022", diagnostic.Id);
        Assert.Contains(expected, Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ttev__clicked")]
    [InlineData("ttev_idle__clicked")]
    [InlineData("ttev__ok_button___clicked")]
    public void TTDF005_a_binding_name_without_member_and_event_does_not_parse(string name)
    {
        var run = Generate("public partial class Panel : Tonic { public Widget OkButton { get; } = new(); void " + name + "() { } }");

        Assert.Equal("TTDF005", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void State_variants_of_a_binding_must_take_the_same_parameters()
    {
        var run = Generate("""
            [TonicStates("idle")]
            public partial class Panel : Tonic
            {
                public Widget OkButton { get; } = new();
                void ttev__ok_button__clicked(ClickArgs e) { }
                void ttev_idle__ok_button__clicked() { }
            }
            """);

        Assert.Equal("TTDF003", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_grammar_event_generates_a_Notify_entry_point()
    {
        var run = Generate("public partial class Peer : Tonic { void ttse__on_connected(string peer) { } void ttse__tick() { } }");

        Assert.Empty(run.GeneratorDiagnostics);
        var peer = run.Type("N.Peer");
        Assert.Single(peer.GetMembers("NotifyConnected"));
        Assert.Single(peer.GetMembers("NotifyTick"));
        Assert.Empty(peer.GetMembers("OnConnected"));
    }

    [Fact]
    public void The_BindEvent_attribute_is_checked_like_the_grammar()
    {
        var run = Generate("""
            public partial class Panel : Tonic
            {
                public Widget OkButton { get; } = new();
                [BindEvent(nameof(OkButton), "Click")] void Confirm() { }
            }
            """);

        var diagnostic = Single(run, "TTDF021", "Confirm");
        Assert.Contains("no accessible instance event 'Click'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF018_BindEvent_names_must_be_identifiers()
    {
        var run = Generate("public partial class Panel : Tonic { public Widget OkButton { get; } = new(); [BindEvent(\"Ok Button\", \"Clicked\")] void Confirm() { } }");

        var diagnostic = Single(run, "TTDF018", "Confirm");
        Assert.Contains("both must be identifiers", Message(diagnostic), StringComparison.Ordinal);
    }
}

using System.Globalization;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>The generator's diagnostics (issue 2 point 1; behaviour reference §1.3 name grammar, §4.1 item 13): ids, messages, locations.</summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string Usings = "using TaskTonic.Dataflow;\nnamespace N;\n";

    private static GeneratorHarness.Run Generate(string body) => GeneratorHarness.Generate(Usings + body);

    /// <summary>The only generator diagnostic, which must have <paramref name="id"/>, be an error and sit on <paramref name="markedText"/>.</summary>
    private static Diagnostic Single(GeneratorHarness.Run run, string id, string markedText)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(markedText, Marked(run, diagnostic));
        return diagnostic;
    }

    /// <summary>The snippet text a diagnostic points at (its file is the snippet's, its span the offending name).</summary>
    private static string Marked(GeneratorHarness.Run run, Diagnostic diagnostic)
    {
        var snippet = run.Output.SyntaxTrees.First();
        Assert.Equal(snippet.FilePath, diagnostic.Location.GetLineSpan().Path);
        return snippet.GetText().ToString(diagnostic.Location.SourceSpan);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void TTDF001_a_tonic_class_with_handlers_must_be_partial()
    {
        var run = Generate("public class Door : Tonic { void ttsc__open() { } }");

        var diagnostic = Single(run, "TTDF001", "Door");
        Assert.Equal(
            "Tonic class 'Door' declares sparkle handlers but is not partial; add the 'partial' modifier so the entry points can be generated",
            Message(diagnostic));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void TTDF001_a_plain_class_with_handler_names_is_left_alone()
    {
        var run = Generate("public class NotATonic { public void ttsc__open() { } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void TTDF002_a_command_and_an_event_may_not_share_a_name()
    {
        var run = Generate("public partial class Door : Tonic { void ttsc__open() { } void ttse__open() { } }");

        var diagnostic = Single(run, "TTDF002", "ttse__open");
        Assert.Equal(
            "Sparkle 'open' of 'Door' is declared as a command (ttsc) and as an event (ttse); a sparkle name has one kind " +
            "(command ttsc, event ttse, or internal tts/_tts) and one handler per state",
            Message(diagnostic));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void TTDF002_a_state_may_not_have_two_handlers_for_one_sparkle()
    {
        var overloads = Generate("public partial class Door : Tonic { void ttsc_a__x() { } void ttsc_a__x(int n) { } }");
        var twoPrefixes = Generate("public partial class Door : Tonic { void tts__x() { } void _tts__x() { } }");

        var diagnostic = Single(overloads, "TTDF002", "ttsc_a__x");
        Assert.Equal(
            "Sparkle 'x' of 'Door' is declared as ttsc_a__x and as another handler for the same state; a sparkle name has one kind " +
            "(command ttsc, event ttse, or internal tts/_tts) and one handler per state",
            Message(diagnostic));
        Assert.Equal(diagnostic.Location.SourceSpan.Start, overloads.Output.SyntaxTrees.First().ToString().IndexOf("ttsc_a__x(int", StringComparison.Ordinal));
        Assert.StartsWith("Sparkle 'x' of 'Door' is declared as _tts__x and as another handler for the same state", Message(Single(twoPrefixes, "TTDF002", "_tts__x")), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF003_state_variants_of_a_sparkle_must_take_the_same_parameters()
    {
        var differentTypes = Generate("public partial class Door : Tonic { void ttsc_a__x(int n) { } void ttsc_b__x(string s) { } }");
        var genericAndState = Generate("public partial class Door : Tonic { void ttsc__open() { } void ttsc_a__open(int n) { } }");

        Assert.Equal(
            "Handler 'ttsc_b__x' has parameters (string) but other handlers of sparkle 'ttsc__x' have (int); every state variant of a sparkle takes the same parameter types",
            Message(Single(differentTypes, "TTDF003", "ttsc_b__x")));
        Assert.Equal(
            "Handler 'ttsc_a__open' has parameters (int) but other handlers of sparkle 'ttsc__open' have (); every state variant of a sparkle takes the same parameter types",
            Message(Single(genericAndState, "TTDF003", "ttsc_a__open")));
    }

    [Fact]
    public void TTDF004_a_handler_returns_void()
    {
        var run = Generate("public partial class Door : Tonic { int ttsc__x() => 1; void ttsc__y() { } }");

        Assert.Equal(
            "Handler 'ttsc__x' returns 'int'; sparkle handlers must return void (a sparkle is queued, its result cannot reach the caller; send an event back instead)",
            Message(Single(run, "TTDF004", "ttsc__x")));
    }

    [Theory]
    [InlineData("ttsc_open")]
    [InlineData("ttsc___x")]
    [InlineData("ttse_a__")]
    [InlineData("tts_a_b")]
    [InlineData("_tts__")]
    [InlineData("ttsc_1st__x")]
    [InlineData("ttsc__2x")]
    public void TTDF005_a_handler_name_that_does_not_parse_is_reported(string name)
    {
        var run = Generate($"public partial class Door : Tonic {{ void {name}() {{ }} }}");

        Assert.Equal(
            $"Method '{name}' starts with a sparkle prefix but is not a valid handler name; use prefix__name or prefix_state__name " +
            "with prefix ttsc, ttse, tts or _tts, and snake_case segments of letters and digits that start with a letter (an event binding is ttev__member__event)",
            Message(Single(run, "TTDF005", name)));
    }

    [Fact]
    public void TTDF005_every_bad_name_of_a_class_is_reported_at_its_method()
    {
        var run = Generate("public partial class Door : Tonic { void ttsc_open() { } void ttsc___x() { } void ttse_a__() { } void ttsc__fine() { } }");

        Assert.Equal(3, run.GeneratorDiagnostics.Length);
        var marked = run.GeneratorDiagnostics.Select(d => Marked(run, d));
        Assert.Equal(["ttsc_open", "ttsc___x", "ttse_a__"], marked);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("TTDF005", d.Id));
    }

    [Fact]
    public void TTDF005_a_declared_state_name_that_does_not_parse_is_reported()
    {
        var run = Generate("[TonicStates(\"bad name\")] public partial class Door : Tonic { void ttsc__x() { } }");

        Assert.Contains("'[TonicStates(\"bad name\")]'", Message(Single(run, "TTDF005", "Door")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("static void ttsc__a() { }", "ttsc__a", "is static")]
    [InlineData("void ttsc__a<T>() { }", "ttsc__a", "is generic")]
    [InlineData("void ttsc__a(ref int n) { }", "ttsc__a", "passes parameter 'n' by reference (ref)")]
    [InlineData("void ttsc__a(out int n) { n = 1; }", "ttsc__a", "passes parameter 'n' by reference (out)")]
    [InlineData("void ttsc__a(in int n) { }", "ttsc__a", "passes parameter 'n' by reference (in)")]
    [InlineData("void ttsc__a(params int[] n) { }", "ttsc__a", "has a params parameter 'n'")]
    public void TTDF006_static_generic_by_reference_and_params_handlers_are_refused(string member, string name, string problem)
    {
        var run = Generate($"public partial class Door : Tonic {{ {member} }}");

        Assert.Equal(
            $"Handler '{name}' {problem}; sparkle handlers are non-generic instance methods with by-value parameters",
            Message(Single(run, "TTDF006", name)));
    }

    [Theory]
    [InlineData("void ttse__on_start(int n) { }", "ttse__on_start")]
    [InlineData("void ttse__on_finished(string why) { }", "ttse__on_finished")]
    [InlineData("void ttse_a__on_enter(string s) { }", "ttse_a__on_enter")]
    [InlineData("void ttse_a__on_exit(int n, int m) { }", "ttse_a__on_exit")]
    public void TTDF007_a_lifecycle_hook_takes_no_parameters(string member, string name)
    {
        var run = Generate($"public partial class Door : Tonic {{ {member} }}");

        Assert.Equal($"Lifecycle hook '{name}' must take no parameters", Message(Single(run, "TTDF007", name)));
    }

    [Fact]
    public void TTDF008_a_tonic_nested_in_a_non_partial_class_is_reported()
    {
        var run = Generate("public class Outer { public partial class Door : Tonic { void ttsc__x() { } } }");

        Assert.Equal(
            "Tonic class 'Door' is nested in 'Outer', which is not partial; make every containing type partial",
            Message(Single(run, "TTDF008", "Door")));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void TTDF008_every_containing_type_must_be_partial()
    {
        var run = Generate("public class Outer { public partial class Middle { public partial class Door : Tonic { void ttsc__x() { } } } }");
        var fine = Generate("public partial class Outer { public partial class Middle { public partial class Door : Tonic { void ttsc__x() { } } } }");

        Assert.Contains("nested in 'Outer'", Message(Single(run, "TTDF008", "Door")), StringComparison.Ordinal);
        Assert.Empty(fine.GeneratorDiagnostics);
        Assert.Empty(fine.Errors);
        Assert.Single(fine.GeneratedSources);
    }

    [Fact]
    public void Valid_tonics_compile_without_any_diagnostic()
    {
        var run = Generate("""
            [TonicStates("open")]
            public partial class Door : Tonic
            {
                public System.Collections.Generic.List<string> Events { get; } = new();
                private void ttse__on_start() => ToState(States.Locked);
                private void ttse_locked__on_enter() => Events.Add("locked");
                private void ttse__on_exit() { }
                private void ttse__on_finished() { }
                private void ttsc_locked__open() { }
                private void ttsc_unlocked__open() => ToState(States.Open);
                private void ttsc__open() { }
                private void ttsc_locked__unlock() => ToState(States.Unlocked);
                private void ttse__on_data(string text, int count) { }
                private void ttse_open__on_data(string text, int count) { }
                private void tts__chain(int n) { if (n > 0) Chain(n - 1); }
                private void _tts__step() { }
                private void ttsc__knock(string who = "bob", int times = 2) { }
            }

            public sealed partial class Bell : Tonic
            {
                private void ttsc__ring() => Ding();
                private void tts__ding() { }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Equal(2, run.GeneratedSources.Length);
    }
}

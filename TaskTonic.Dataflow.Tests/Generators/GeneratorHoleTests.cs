using System.Globalization;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>
/// Names and shapes that used to give compiler errors in generated code or pass silently (issue 11 items 6 and 8): each
/// now gets a TTDF diagnostic at the offending name, or generated code that compiles.
/// </summary>
public sealed class GeneratorHoleTests
{
    private const string Usings = "using System.Collections.Generic; using TaskTonic.Dataflow;\nnamespace N;\n";

    private static GeneratorHarness.Run Generate(string body) => GeneratorHarness.Generate(Usings + body);

    /// <summary>The only generator diagnostic: its id, severity and the snippet text it points at; no compiler error follows from generated code.</summary>
    private static string Single(GeneratorHarness.Run run, string id, string markedText, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(markedText, run.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.Errors.Where(e => e.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("public partial class Door : Tonic { async void ttsc__open() { await System.Threading.Tasks.Task.Yield(); } }", "ttsc__open")]
    [InlineData("public partial class Door : Tonic { async System.Threading.Tasks.Task ttsc__open() { await System.Threading.Tasks.Task.Yield(); } }", "ttsc__open")]
    [InlineData("public partial class Door : Tonic { async void ttse__on_start() { await System.Threading.Tasks.Task.Yield(); } }", "ttse__on_start")]
    public void TTDF011_an_async_handler_is_refused_and_pointed_to_the_task_bridge(string source, string name)
    {
        var message = Single(Generate(source), "TTDF011", name);

        Assert.StartsWith($"Handler '{name}' is async; a sparkle runs to completion on its catalyst", message, StringComparison.Ordinal);
        Assert.Contains("task.DeliverTo(this, onResult, onFailed) (TaskTonic.Dataflow.Tasks.TaskDelivery)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF005_a_declared_state_starting_with_a_digit_is_reported_instead_of_a_syntax_error()
    {
        var message = Single(Generate("[TonicStates(\"1abc\")] public partial class Door : Tonic { void ttsc__x() { } }"), "TTDF005", "Door");

        Assert.Contains("'[TonicStates(\"1abc\")]'", message, StringComparison.Ordinal);
        Assert.Contains("segments of letters and digits that start with a letter", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[TonicStates(\"states\")] public partial class Door : Tonic { void ttsc__x() { } }", "Door", "State 'states' (constant 'States.States')")]
    [InlineData("public partial class Door : Tonic { void ttsc_states__x() { } }", "ttsc_states__x", "State 'states' (constant 'States.States')")]
    [InlineData("public partial class States : Tonic { void ttsc_open__x() { } }", "States", "The class name 'States'")]
    [InlineData("public partial class Door : Tonic { void ttsc_open__x() { } public int States => 1; }", "States", "The property 'Door.States'")]
    public void TTDF012_a_name_that_clashes_with_the_generated_States_class_is_reported(string source, string marked, string what)
    {
        var message = Single(Generate(source), "TTDF012", marked);

        Assert.StartsWith(what + " clashes with the nested class 'States' generated to hold the state constants of ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF012_a_class_named_States_without_states_is_fine()
    {
        var run = Generate("public partial class States : Tonic { void ttsc__x() { } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void TTDF010_an_entry_point_named_States_clashes_with_the_state_class()
    {
        var run = Generate("public partial class Door : Tonic { void ttsc_open__states() { } }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TTDF010", diagnostic.Id);
        Assert.Contains("clashes with the nested class 'States' generated for the state constants", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial class Door : Tonic { void ttsc__a_b() { } void ttsc__aB() { } }", "ttsc__a_b", "The sparkles 'ttsc__aB' and 'ttsc__a_b' both generate the member 'AB'")]
    [InlineData("[TonicStates(\"a_b\", \"aB\")] public partial class Door : Tonic { void ttsc__x() { } }", "Door", "The states 'aB' and 'a_b' both generate the member 'States.AB'")]
    [InlineData("public partial class Door : Tonic { void ttsc_a_b__x() { } void ttsc_aB__x() { } }", "ttsc_a_b__x", "The states 'aB' and 'a_b' both generate the member 'States.AB'")]
    public void TTDF013_names_that_collide_after_PascalCase_are_reported(string source, string marked, string start)
    {
        Assert.StartsWith(start + "; rename one of them", Single(Generate(source), "TTDF013", marked), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF013_a_derived_sparkle_colliding_with_a_base_entry_point_is_reported()
    {
        var run = Generate("public partial class Base : Tonic { void ttsc__a_b() { } } public partial class Door : Base { void ttsc__aB() { } }");

        Assert.Contains("'ttsc__a_b' and 'ttsc__aB' both generate the member 'AB'", Single(run, "TTDF013", "ttsc__aB"), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF014_a_file_local_tonic_class_is_reported()
    {
        var run = Generate("file partial class Door : Tonic { void ttsc__x() { } }");

        Assert.Equal(
            "Tonic class 'Door' is declared 'file', but its generated part lives in another file and cannot extend a file-local type; " +
            "remove the 'file' modifier (make it internal or private nested instead)",
            Single(run, "TTDF014", "Door"));
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("ttqt__x", "ttqt")]
    [InlineData("tttk__x", "tttk")]
    [InlineData("_ttss__x", "_ttss")]
    [InlineData("ttsx_open__x", "ttsx")]
    public void TTDF015_an_unknown_tt_prefix_is_a_warning(string name, string prefix)
    {
        var withHandlers = Generate($"public partial class Door : Tonic {{ void {name}() {{ }} void ttsc__y() {{ }} }}");
        var alone = Generate($"public class Door : Tonic {{ void {name}() {{ }} }}");

        var message = Single(withHandlers, "TTDF015", name, DiagnosticSeverity.Warning);
        Assert.StartsWith($"Method '{name}' looks like a sparkle handler but '{prefix}' is not a sparkle prefix", message, StringComparison.Ordinal);
        Assert.Single(withHandlers.GeneratedSources);
        Assert.Empty(withHandlers.Errors);
        Single(alone, "TTDF015", name, DiagnosticSeverity.Warning);
        Assert.Empty(alone.GeneratedSources);
    }

    [Fact]
    public void TTDF015_other_names_and_non_tonics_get_no_warning()
    {
        var run = Generate("public partial class Door : Tonic { void ttl_refresh() { } void ttsc__x() { } } public class Other { void ttqt__x() { } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void TTDF016_a_hook_name_that_is_never_raised_is_a_warning()
    {
        var run = Generate("public partial class Store : Tonic { void ttse__on_service_base_removed(int client, int left) { } }");

        var message = Single(run, "TTDF016", "ttse__on_service_base_removed", DiagnosticSeverity.Warning);
        Assert.Contains("ttse__on_service_base_completed(int clientId, int clientsLeft)", message, StringComparison.Ordinal);
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void NaN_infinity_and_negative_enum_defaults_are_emitted_as_valid_code()
    {
        var run = Generate("""
            public enum Side { Left = -1, Right = 1 }
            public partial class Door : Tonic
            {
                void ttsc__x(double a = double.NaN, double b = double.PositiveInfinity, float c = float.NegativeInfinity, float d = float.NaN,
                    Side side = Side.Left, int n = -5, double e = -0.5) { }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Contains("double a = double.NaN, double b = double.PositiveInfinity, float c = float.NegativeInfinity, float d = float.NaN", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("global::N.Side side = (global::N.Side)(-1)", run.AllGenerated, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_named_like_generated_members_or_locals_do_not_capture_the_generated_code()
    {
        var run = Generate("""
            public partial class Door : Tonic
            {
                void ttsc__x(List<int> items, bool IsolationRequired, int PostSparkle, int CopyArgument, int State, int __tt_state, int TTSparkleId) { }
                void ttsc_open__x(List<int> items, bool IsolationRequired, int PostSparkle, int CopyArgument, int State, int __tt_state, int TTSparkleId) { }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Contains("base.PostSparkle(global::N.Door.TTSparkleId.ttsc__x, base.IsolationRequired ? (global::TaskTonic.Dataflow.Tonic.CopyArgument(items), ", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("public const int ttsc__x = 5;", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("var __tt_state = base.State;", run.AllGenerated, StringComparison.Ordinal);
    }
}

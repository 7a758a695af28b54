using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskTonic.Dataflow.Generators;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>Misuse of the attribute grammar (issue 15 item 4): TTDF017, TTDF018 and the shared checks, on the offending method.</summary>
public sealed class AttributeDiagnosticsTests
{
    private const string Usings = "using TaskTonic.Dataflow;\nnamespace N;\n";

    private static GeneratorHarness.Run Generate(string body) => GeneratorHarness.Generate(Usings + body);

    private static string Single(GeneratorHarness.Run run, string id, string markedText)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(markedText, run.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void TTDF017_a_command_without_a_name_must_be_named_On_something()
    {
        var message = Single(Generate("public partial class Door : Tonic { [Command] void Open() { } }"), "TTDF017", "Open");
        Assert.StartsWith("Handler 'Open' has [Command] without a name and is not named On<Name>; name the method On<Name>", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Command(\"open\")] void X() { }", "X", "gives [Command] the name 'open', which is not a PascalCase identifier")]
    [InlineData("[InternalSparkle(\"Next_Step\")] void X() { }", "X", "gives [InternalSparkle] the name 'Next_Step'")]
    [InlineData("[Event] void OnEnter() { }", "OnEnter", "declares the event 'Enter', which is the lifecycle hook ttse__on_enter; use [OnEnter] instead")]
    [InlineData("[Event(\"Exit\")] void X() { }", "X", "declares the event 'Exit', which is the lifecycle hook ttse__on_exit; use [OnExit] instead")]
    public void TTDF017_an_invalid_name_is_reported_with_its_reason(string method, string marked, string reason)
    {
        var message = Single(Generate("public partial class Door : Tonic { " + method + " }"), "TTDF017", marked);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Command, Event] void OnOpen() { }", "OnOpen", "has both [Command] and [Event]; a method declares one sparkle")]
    [InlineData("[OnEnter, OnExit] void Both() { }", "Both", "has both [OnEnter] and [OnExit]")]
    [InlineData("[InState(\"locked\")] void OnOpen() { }", "OnOpen", "has [InState] but no [Command], [Event], [InternalSparkle], [BindEvent] or lifecycle hook attribute")]
    [InlineData("[Command] void ttsc__open() { }", "ttsc__open", "is named with the ttsc/ttse/tts grammar and also has [Command]; use one of the two")]
    public void TTDF018_conflicting_attributes_are_reported_on_the_method(string method, string marked, string reason)
    {
        var message = Single(Generate("public partial class Door : Tonic { " + method + " }"), "TTDF018", marked);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF018_attributes_outside_a_tonic_are_reported_instead_of_silently_ignored()
    {
        var message = Single(Generate("public partial class Plain { [Command] void OnOpen() { } }"), "TTDF018", "OnOpen");
        Assert.Equal("Method 'OnOpen' is declared in 'Plain', which does not derive from TaskTonic.Dataflow.Tonic, so no sparkle is generated for it", message);
    }

    [Fact]
    public void The_name_grammar_checks_apply_to_attributed_methods()
    {
        Single(Generate("public partial class Door : Tonic { [Command] int OnOpen() => 1; }"), "TTDF004", "OnOpen");
        Single(Generate("public partial class Door : Tonic { [OnEnter] void Entered(int x) { } }"), "TTDF007", "Entered");
        Single(Generate("public partial class Door : Tonic { [OnInfusionCompleted] void Done(int x) { } }"), "TTDF006", "Done");
        Single(Generate("public partial class Door : Tonic { [Command] void OnOpen() { } [InState(\"Bad State\"), Command(\"Open\")] void X() { } }"), "TTDF005", "X");
        Single(Generate("public partial class Door : Tonic { [Command(\"Open\")] void Open(int x) { } }"), "TTDF010", "Open");
        Single(Generate("public class Door : Tonic { [Command] void OnOpen() { } }"), "TTDF001", "Door");
        Single(Generate("public partial class Door : Tonic { [Command(\"OnOpen\")] void Y() { } [Event(\"Open\")] void X() { } }"), "TTDF002", "X");
        Single(Generate("public partial class Door : Tonic { [Command] void OnOpen() { } [Command(\"Open\")] void X() { } }"), "TTDF002", "X");
    }

    [Fact]
    public void A_class_declared_with_both_grammars_is_generated_once()
    {
        var run = Generate("""
            public partial class Door : Tonic { void ttsc__open() { } }
            public partial class Door { [Event] void OnConnected() { } [OnStart] void Started() { } }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Single(run.GeneratedSources);
        Assert.Contains("public void NotifyConnected()", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("public void Open()", run.AllGenerated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("void ttsc__lock() => ToState(\"lokced\");", "\"lokced\"", "State 'lokced' is not a state of 'Door', whose states are locked, unlocked; pass a generated States constant")]
    [InlineData("void ttsc__lock() => ToState(2);", "2", "Value 2 is not a state of 'Door'")]
    [InlineData("static void Poke(Door door) => door.RequestState(\"opne\", forceReenter: true);", "\"opne\"", "State 'opne' is not a state of 'Door'")]
    public void TTDF019_a_constant_that_is_not_a_state_of_the_receiver_does_not_compile(string member, string marked, string message)
    {
        var run = Generate("[TonicStates(\"locked\", \"unlocked\")] public partial class Door : Tonic { [Command] void OnOpen() { } " + member + " }");

        var diagnostic = Assert.Single(Analyze(run));
        Assert.Equal(("TTDF019", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(marked, run.Output.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.StartsWith(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TTDF019_valid_constants_names_and_non_constant_values_are_accepted_and_a_pragma_suppresses_it()
    {
        var run = Generate("""
            [TonicStates("locked", "unlocked")]
            public partial class Door : Tonic
            {
                [Command] void OnLock() => ToState(States.Locked);
                [Command] void OnStop() => ToState(NoState);
                [Command] void OnTo(string name) => ToState(name);
                [Command("Unlock"), InState("locked")] void UnlockWhenLocked() => ToState("unlocked");
                static void Poke(Door door, Tonic any) { door.RequestState(1); any.RequestState("whatever"); }
            #pragma warning disable TTDF019
                [Command] void OnBreak() => ToState("deliberately_wrong");
            #pragma warning restore TTDF019
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Empty(Analyze(run));
    }

    private static IReadOnlyList<Diagnostic> Analyze(GeneratorHarness.Run run) =>
        run.Output.WithAnalyzers([new StateArgumentAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}

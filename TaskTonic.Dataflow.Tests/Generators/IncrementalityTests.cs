using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskTonic.Dataflow.Generators;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>
/// The generator's pipelines cache (issue 15 item 5): an edit that does not change a tonic leaves every tracked step
/// cached or unchanged; an edit that moves code changes only the diagnostics step; an edit of a handler changes the model.
/// </summary>
public sealed class IncrementalityTests
{
    private const string GrammarDoor = """
        using TaskTonic.Dataflow;
        namespace N;
        public partial class Door : Tonic
        {
            void ttsc__open() { }
            void ttsc_locked__open() { }
            void ttqt__typo() { }
        }
        """;

    private const string AttributedBell = """
        using TaskTonic.Dataflow;
        namespace N;
        public partial class Bell : Tonic
        {
            [Command] void OnRing(int times) { }
            [OnEnter, InState("ringing")] void Entered() { }
        }
        """;

    private const string Unrelated = "namespace N; public static class Util { public static int Twice(int x) => 2 * x; }";

    private static readonly string[] s_prefixes = ["TonicBuild.", "TonicModel.", "TonicDiagnostics."];

    [Fact]
    public void An_unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "Util.cs", Unrelated.Replace("2 * x", "x + x", StringComparison.Ordinal));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = TrackedSteps(result);
        Assert.Contains(steps, s => s.Name == "TonicModel.Grammar");
        Assert.Contains(steps, s => s.Name == "TonicModel.Command");
        Assert.All(steps, s => Assert.All(s.Reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{s.Name}: {r}")));
        Assert.Equal(2, result.GeneratedSources.Length);
    }

    [Fact]
    public void Moving_a_tonic_down_its_file_reports_diagnostics_at_the_new_place_but_keeps_the_model()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "Door.cs", GrammarDoor.Replace("namespace N;", "namespace N;\n\n\n", StringComparison.Ordinal));

        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var steps = TrackedSteps(result);
        Assert.All(Reasons(steps, "TonicModel.Grammar"), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(steps, "TonicDiagnostics.Grammar"));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("TTDF015", warning.Id);
        Assert.Equal(9, warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Adding_a_handler_changes_the_model_of_that_class_only()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "Bell.cs", AttributedBell.Replace("[OnEnter", "[Event] void OnSilenced() { }\n    [OnEnter", StringComparison.Ordinal));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = TrackedSteps(result);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(steps, "TonicModel.Command"));
        Assert.All(Reasons(steps, "TonicModel.Grammar"), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("NotifySilenced", string.Join("\n", result.GeneratedSources.Select(s => s.SourceText.ToString())), StringComparison.Ordinal);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = GeneratorHarness.CreateCompilation(GrammarDoor, "Door")
            .AddSyntaxTrees(
                CSharpSyntaxTree.ParseText(AttributedBell, options, path: "Bell.cs"),
                CSharpSyntaxTree.ParseText(Unrelated, options, path: "Util.cs"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new TonicGenerator().AsSourceGenerator()],
            parseOptions: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, path: path));
    }

    private static List<(string Name, IReadOnlyList<IncrementalStepRunReason> Reasons)> TrackedSteps(GeneratorRunResult result) =>
        [.. result.TrackedSteps.Where(s => s_prefixes.Any(p => s.Key.StartsWith(p, StringComparison.Ordinal)))
            .Select(s => (s.Key, (IReadOnlyList<IncrementalStepRunReason>)[.. s.Value.SelectMany(step => step.Outputs).Select(o => o.Reason)]))];

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(List<(string Name, IReadOnlyList<IncrementalStepRunReason> Reasons)> steps, string name)
    {
        var reasons = steps.Single(s => s.Name == name).Reasons;
        Assert.NotEmpty(reasons);
        return reasons;
    }
}

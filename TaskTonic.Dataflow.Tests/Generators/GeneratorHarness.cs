using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskTonic.Dataflow.Generators;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>Compiles C# snippets with the tonic generator, the way a user's project would.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The result of one generator run: generator diagnostics, compiler diagnostics and the output compilation.</summary>
    internal sealed record Run(
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilationDiagnostics,
        Compilation Output,
        ImmutableArray<string> GeneratedSources)
    {
        /// <summary>Generator diagnostics with the given id.</summary>
        public IReadOnlyList<Diagnostic> WithId(string id) => [.. GeneratorDiagnostics.Where(d => d.Id == id)];

        /// <summary>Errors and warnings of the compiled output (generated code included).</summary>
        public IReadOnlyList<Diagnostic> Errors => [.. CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

        /// <summary>All generated code, concatenated.</summary>
        public string AllGenerated => string.Join("\n", GeneratedSources);

        /// <summary>A type of the output compilation by metadata name (nested types use '+').</summary>
        public INamedTypeSymbol Type(string metadataName) =>
            Output.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException($"No type {metadataName} in the output.");
    }

    /// <summary>Runs the generator over <paramref name="source"/> (plus optional extra references).</summary>
    public static Run Generate(string source, string assemblyName = "Snippet", params MetadataReference[] extraReferences)
    {
        var compilation = CreateCompilation(source, assemblyName, extraReferences);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new TonicGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generated = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToImmutableArray();
        return new Run(generatorDiagnostics, output.GetDiagnostics(), output, generated);
    }

    /// <summary>A compilation of <paramref name="source"/> with the runtime and the framework referenced.</summary>
    public static CSharpCompilation CreateCompilation(string source, string assemblyName, params MetadataReference[] extraReferences) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: assemblyName + ".cs")],
            [.. s_references.Value, .. extraReferences],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Emits a compilation to an in-memory image.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Emit failed: " + string.Join("\n", result.Diagnostics));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Loads emitted images into a fresh load context (the runtime library and the framework are shared with the
    /// tests, so a snippet's tonics are real <see cref="Tonic"/>s) and returns them by assembly name.
    /// </summary>
    public static IReadOnlyDictionary<string, Assembly> Load(IReadOnlyDictionary<string, byte[]> images)
    {
        var context = new SnippetLoadContext(images);
        return images.Keys.ToDictionary(name => name, name => context.LoadFromAssemblyName(new AssemblyName(name)), StringComparer.Ordinal);
    }

    private sealed class SnippetLoadContext(IReadOnlyDictionary<string, byte[]> images) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is { } name && images.TryGetValue(name, out var image))
            {
                using var stream = new MemoryStream(image);
                return LoadFromStream(stream);
            }

            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assemblyName.Name);
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        _ = typeof(Tonic).Assembly;
        var paths = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
            .Select(a => a.Location)
            .Append(typeof(Tonic).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}

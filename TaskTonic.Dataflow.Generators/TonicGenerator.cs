using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// Emits, for every partial class deriving from <c>TaskTonic.Dataflow.Tonic</c> that declares sparkle handlers
    /// (<c>ttsc__x</c>, <c>ttse_state__x</c>, <c>tts__x</c>… or <c>[Command]</c>, <c>[Event]</c>, <c>[OnEnter]</c>…):
    /// typed entry points, the dispatch table, state constants and the descriptor the runtime uses for traces and timer routing.
    /// </summary>
    /// <remarks>
    /// Pipelines: one syntax provider for the name grammar and one <c>ForAttributeWithMetadataName</c> per declaration
    /// attribute. Each builds a <see cref="BuildResult"/>; its model (strings only) and its diagnostics go through separate,
    /// named steps (<see cref="StepNames"/>), so an edit that does not change a class's model leaves its source cached.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class TonicGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var grammar = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax declaration && ModelBuilder.HasHandlerMethods(declaration),
                static (ctx, ct) => ModelBuilder.FromGrammar(ctx, ct));
            Register(context, grammar, "Grammar");

            foreach (var attribute in KnownSymbols.DeclarationAttributes)
            {
                var attributed = context.SyntaxProvider.ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => ModelBuilder.FromAttribute(ctx, ct));
                var shortName = attribute.Substring(KnownSymbols.Namespace.Length);
                Register(context, attributed, shortName.Substring(0, shortName.Length - "Attribute".Length));
            }
        }

        private static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<BuildResult?> results, string name)
        {
            var built = results.Where(static r => r is not null).WithTrackingName(StepNames.Build + name);
            var models = built.Where(static r => r!.Model is not null).Select(static (r, _) => r!.Model!).WithTrackingName(StepNames.Model + name);
            var diagnostics = built.Select(static (r, _) => r!.Diagnostics).WithTrackingName(StepNames.Diagnostics + name);

            context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model.HintName, SourceEmitter.Emit(model) + RefExtensionEmitter.Emit(model)));
            context.RegisterSourceOutput(diagnostics, static (spc, items) =>
            {
                foreach (var diagnostic in items)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
        }

        /// <summary>Prefixes of the tracked step names (followed by <c>Grammar</c> or the attribute's short name).</summary>
        internal static class StepNames
        {
            public const string Build = "TonicBuild.";
            public const string Model = "TonicModel.";
            public const string Diagnostics = "TonicDiagnostics.";
        }
    }
}

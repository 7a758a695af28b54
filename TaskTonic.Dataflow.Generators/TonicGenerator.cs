using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// Emits, for every partial class deriving from <c>TaskTonic.Dataflow.Tonic</c> that declares sparkle handlers
    /// (<c>ttsc__x</c>, <c>ttse_state__x</c>, <c>tts__x</c>…): typed entry points, the dispatch table, state constants
    /// and the descriptor the runtime uses for traces and timer routing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TonicGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => node is ClassDeclarationSyntax declaration && ModelBuilder.HasHandlerMethods(declaration),
                    static (ctx, ct) => ModelBuilder.Build(ctx, ct))
                .Where(static m => m is not null);

            context.RegisterSourceOutput(models, static (spc, model) =>
            {
                foreach (var diagnostic in model!.Diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }

                if (model.CanEmit)
                {
                    spc.AddSource(model.HintName, SourceEmitter.Emit(model));
                }
            });
        }
    }
}

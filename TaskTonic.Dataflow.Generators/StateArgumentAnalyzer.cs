using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// Checks constant arguments of <c>ToState</c> and <c>RequestState</c> against the receiver tonic's states, so that a
    /// misspelled <c>ToState("lokced")</c> or an out-of-range <c>ToState(7)</c> is a compile error (TTDF019) instead of an
    /// exception at run time. The generated <c>States</c> constants are always valid. An analyzer rather than a generator
    /// diagnostic so that a test of the run-time check can suppress it with <c>#pragma warning disable TTDF019</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StateArgumentAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Diagnostics.UnknownState);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = new KnownSymbols(start.Compilation);
                if (symbols.Tonic is not null)
                {
                    start.RegisterOperationAction(c => Check(c, symbols), OperationKind.Invocation);
                }
            });
        }

        private static void Check(OperationAnalysisContext context, KnownSymbols symbols)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name is not ("ToState" or "RequestState") || !symbols.IsTonic(invocation.TargetMethod.ContainingType)
                || invocation.Arguments.Length == 0)
            {
                return;
            }

            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            var constant = argument?.Value.ConstantValue ?? default;
            var receiver = invocation.Instance?.Type as INamedTypeSymbol;
            if (argument is null || !constant.HasValue || receiver is null || !symbols.DerivesFromTonic(receiver))
            {
                return;
            }

            var states = StateNames(receiver, symbols);
            var problem = constant.Value switch
            {
                string name when !states.Contains(name) => $"State '{name}'",
                int value when value < -1 || value >= states.Count => $"Value {value}",
                _ => null,
            };
            if (problem is not null)
            {
                var valid = states.Count == 0 ? "(none declared)" : string.Join(", ", states);
                context.ReportDiagnostic(Diagnostic.Create(Diagnostics.UnknownState, argument.Value.Syntax.GetLocation(), problem, receiver.Name, valid));
            }
        }

        /// <summary>Every state of the class's hierarchy: from handler names, <c>[InState]</c> and <c>[TonicStates]</c>.</summary>
        private static List<string> StateNames(INamedTypeSymbol type, KnownSymbols symbols)
        {
            var states = new List<string>();
            for (var t = type; t is not null && !symbols.IsTonic(t); t = t.BaseType)
            {
                var source = t.DeclaringSyntaxReferences.Length > 0;
                var handlers = source ? HandlerCollector.FromSymbol(t, symbols, diagnostics: null) : HandlerCollector.FromAttribute(t, symbols);
                var declared = source ? HandlerCollector.DeclaredStates(t, symbols) : HandlerCollector.RecordedStates(t, symbols);
                states.AddRange(handlers.Select(h => h.Name.State).OfType<string>().Concat(declared));
            }

            return states.Distinct().ToList();
        }
    }
}

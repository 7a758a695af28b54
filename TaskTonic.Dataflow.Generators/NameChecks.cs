using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// Checks on names that would otherwise fail late, in generated code (CS0542, CS0102, CS0115), or silently: a
    /// misspelled prefix or a hook name the runtime never raises.
    /// </summary>
    internal static class NameChecks
    {
        private const string StatesClass = "States";

        // tt<letters>__name or tt<letters>_state__name with a prefix that is not a sparkle prefix.
        private static readonly Regex s_ttShaped = new Regex("^_?tt[A-Za-z]*(_[A-Za-z0-9]+)?__[A-Za-z0-9]", RegexOptions.CultureInvariant);

        // Names from TaskTonic (Python) documentation that this runtime never raises, with what to use instead.
        private static readonly Dictionary<string, string> s_neverRaised = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["on_service_base_removed"] = "a service learns that a client left from ttse__on_service_base_completed(int clientId, int clientsLeft)",
        };

        /// <summary>True for a method name shaped like a handler whose prefix is not a sparkle prefix (<c>ttqt__x</c>, <c>_ttss__x</c>).</summary>
        public static bool HasUnknownPrefix(string methodName) =>
            !HandlerName.LooksLikeHandler(methodName) && s_ttShaped.IsMatch(methodName);

        /// <summary>Warnings for methods with an unknown prefix and for handlers of hooks that are never raised.</summary>
        public static void AddNameWarnings(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
            {
                var location = method.Locations.FirstOrDefault();
                if (HasUnknownPrefix(method.Name))
                {
                    var prefix = method.Name.Substring(0, method.Name.IndexOf('_', method.Name.StartsWith("_", System.StringComparison.Ordinal) ? 1 : 0));
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownPrefix, location, method.Name, prefix));
                }
                else if (HandlerName.TryParse(method.Name) is { Kind: HandlerKind.Event } name && s_neverRaised.TryGetValue(name.Name, out var instead))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NeverRaisedHook, location, method.Name, instead));
                }
            }
        }

        /// <summary>Errors for a file-local tonic class or container: the generated part in another file would be another type.</summary>
        public static bool AddFileLocal(INamedTypeSymbol type, ClassDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.IsFileLocal)
                {
                    var what = SymbolEqualityComparer.Default.Equals(t, type) ? "declared 'file'" : $"nested in the file-local type '{t.Name}'";
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.FileLocalTonic, declaration.Identifier.GetLocation(), type.Name, what));
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Errors for names the generated code cannot hold: the nested <c>States</c> class against the class name, a
        /// state constant or a user member, and sparkles or states whose PascalCase forms collide.
        /// </summary>
        public static void AddGeneratedNameClashes(INamedTypeSymbol type, ClassDeclarationSyntax declaration, IReadOnlyList<string> states,
            IReadOnlyList<SparkleModel> sparkles, IReadOnlyList<Handler> own, IReadOnlyList<string> ownDeclaredStates, List<DiagnosticInfo> diagnostics)
        {
            Location StateLocation(string state) =>
                own.FirstOrDefault(h => h.Name.State == state)?.Location ?? declaration.Identifier.GetLocation();
            bool IsOwnState(string state) => own.Any(h => h.Name.State == state) || ownDeclaredStates.Contains(state);

            if (states.Count > 0)
            {
                if (type.Name == StatesClass)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.StatesClassClash, declaration.Identifier.GetLocation(),
                        "The class name 'States'", type.Name, "C# forbids a member named like its class; rename the tonic class"));
                }

                foreach (var state in states.Where(s => HandlerName.ToPascalCase(s) == StatesClass && IsOwnState(s)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.StatesClassClash, StateLocation(state),
                        $"State '{state}' (constant 'States.States')", type.Name, "C# forbids a member named like its class; rename the state"));
                }

                var member = type.GetMembers(StatesClass).FirstOrDefault(m => !m.IsImplicitlyDeclared);
                if (member is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.StatesClassClash, member.Locations.FirstOrDefault(),
                        $"The {member.Kind.ToString().ToLowerInvariant()} '{type.Name}.States'", type.Name, "rename or remove the member"));
                }
            }

            foreach (var group in states.GroupBy(HandlerName.ToPascalCase).Where(g => g.Count() > 1))
            {
                foreach (var state in group.Skip(1).Where(IsOwnState))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PascalCaseCollision, StateLocation(state),
                        "The states", group.First(), state, "States." + group.Key));
                }
            }

            foreach (var group in sparkles.Where(s => s.Kind is not (HandlerKind.Hook or HandlerKind.Binding)).GroupBy(s => s.EntryPoint).Where(g => g.Count() > 1))
            {
                var first = group.First();
                foreach (var sparkle in group.Skip(1).Where(s => s.EmitEntryPoint))
                {
                    var handler = own.FirstOrDefault(h => h.Name.GenericName == sparkle.GenericName);
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PascalCaseCollision, handler?.Location ?? declaration.Identifier.GetLocation(),
                        "The sparkles", first.GenericName, sparkle.GenericName, sparkle.EntryPoint));
                }
            }
        }
    }
}

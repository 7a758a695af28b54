using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>Builds the <see cref="TonicModel"/> of a class: the sparkle and state tables of its whole hierarchy.</summary>
    internal static class ModelBuilder
    {
        private const int FirstUserSparkle = 5;

        /// <summary>The model of a class found by the grammar pipeline (a handler-shaped method name or <c>[TonicStates]</c>).</summary>
        public static BuildResult? FromGrammar(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var declaration = (ClassDeclarationSyntax)context.Node;
            if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
            {
                return null;
            }

            var symbols = new KnownSymbols(context.SemanticModel.Compilation);
            return symbols.DerivesFromTonic(type) && IsPrimaryDeclaration(type, declaration) ? Build(type, declaration, symbols) : null;
        }

        /// <summary>
        /// The model of a class found through one declaration attribute. A class is built once: by the grammar pipeline
        /// when it has grammar names, else from its first attributed method, by the pipeline of that method's first attribute.
        /// </summary>
        public static BuildResult? FromAttribute(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
            {
                return null;
            }

            var symbols = new KnownSymbols(context.SemanticModel.Compilation);
            var declarations = symbols.Declarations(method);
            if (declarations.Count == 0 || !KnownSymbols.Is(declarations[0].Attribute, context.Attributes[0].AttributeClass))
            {
                return null;
            }

            var type = method.ContainingType;
            if (type is null || type.TypeKind != TypeKind.Class || !symbols.DerivesFromTonic(type))
            {
                var misuse = $"is declared in '{type?.Name}', which does not derive from TaskTonic.Dataflow.Tonic, so no sparkle is generated for it";
                return new BuildResult(null, new EquatableArray<DiagnosticInfo>(new[]
                {
                    DiagnosticInfo.Create(Diagnostics.DeclarationMisuse, method.Locations.FirstOrDefault(), method.Name, misuse),
                }));
            }

            var owner = type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(m => symbols.Declarations(m).Count > 0);
            if (!SymbolEqualityComparer.Default.Equals(owner, method)
                || type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is ClassDeclarationSyntax c && HasHandlerMethods(c))
                || context.TargetNode.Parent is not ClassDeclarationSyntax declaration)
            {
                return null;
            }

            return Build(type, declaration, symbols);
        }

        private static BuildResult Build(INamedTypeSymbol type, ClassDeclarationSyntax declaration, KnownSymbols symbols)
        {
            var diagnostics = new List<DiagnosticInfo>();
            NameChecks.AddNameWarnings(type, diagnostics);
            if (!type.GetMembers().Any(m => m is IMethodSymbol method && (HandlerName.LooksLikeHandler(m.Name) || symbols.Declarations(method).Count > 0))
                && HandlerCollector.DeclaredStates(type, symbols).Count == 0)
            {
                // Only misspelled handlers: warn, but this is not a tonic with sparkles (nothing to generate).
                return new BuildResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
            }

            var own = HandlerCollector.FromSymbol(type, symbols, diagnostics);
            var levels = AncestorLevels(type, symbols);
            levels.Add(own);
            var declaredStates = AncestorDeclaredStates(type, symbols);
            declaredStates.Add(HandlerCollector.DeclaredStates(type, symbols));
            foreach (var state in declaredStates[declaredStates.Count - 1])
            {
                if (HandlerName.TryParse("ttsc_" + state + "__x") is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadName, declaration.Identifier.GetLocation(), "[TonicStates(\"" + state + "\")]"));
                }
            }

            var canEmit = !NameChecks.AddFileLocal(type, declaration, diagnostics);
            if (!IsPartial(type))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, declaration.Identifier.GetLocation(), type.Name));
                canEmit = false;
            }

            var containers = new List<ContainerModel>();
            for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                if (!IsPartial(container))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ContainerNotPartial, declaration.Identifier.GetLocation(), type.Name, container.Name));
                    canEmit = false;
                }

                containers.Insert(0, new ContainerModel(Keyword(container), NameWithTypeParameters(container)));
            }

            var tables = new Tables(type.Name);
            for (var i = 0; i < levels.Count; i++)
            {
                tables.AddLevel(levels[i], declaredStates[i], isOwn: i == levels.Count - 1, diagnostics);
            }

            var sparkles = tables.BuildSparkles(own);
            NameChecks.AddGeneratedNameClashes(type, declaration, tables.States, sparkles, own, declaredStates[declaredStates.Count - 1], diagnostics);
            foreach (var sparkle in sparkles.Where(s => s.EmitEntryPoint))
            {
                var clash = sparkle.EntryPoint == "States" && tables.States.Count > 0
                    ? "the nested class 'States' generated for the state constants"
                    : FindClash(type, sparkle.EntryPoint);
                if (clash is not null)
                {
                    var handler = own.FirstOrDefault(h => h.Name.GenericName == sparkle.GenericName);
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.EntryPointClash, handler?.Location ?? declaration.Identifier.GetLocation(),
                        sparkle.EntryPoint, sparkle.GenericName, clash));
                }
            }

            canEmit &= diagnostics.All(d => Diagnostics.ById(d.Id).DefaultSeverity != DiagnosticSeverity.Error);
            var ancestorStates = levels.Take(levels.Count - 1).SelectMany(l => l).Any(h => h.Name.State is not null)
                || declaredStates.Take(declaredStates.Count - 1).Any(l => l.Count > 0);

            var model = new TonicModel(
                HintName(type),
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                new EquatableArray<ContainerModel>(containers),
                NameWithTypeParameters(type),
                NameWithTypeParameters(type),
                type.IsSealed,
                ancestorStates,
                new EquatableArray<string>(tables.States),
                new EquatableArray<SparkleModel>(sparkles),
                new EquatableArray<string>(own.Select(HandlerCollector.ToEntry)
                    .Concat(declaredStates[declaredStates.Count - 1].Select(st => HandlerCollector.StateEntryPrefix + st))),
                RefExtensionEmitter.Access(type));
            return new BuildResult(canEmit ? model : null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        /// <summary>Describes an existing member (of the class or a base) that a generated entry point would clash with, or null.</summary>
        private static string? FindClash(INamedTypeSymbol type, string entryPoint)
        {
            if (type.Name == entryPoint)
            {
                return "the name of the class itself";
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                var member = t.GetMembers(entryPoint).FirstOrDefault(m => !m.IsImplicitlyDeclared && Visible(m, t, type));
                if (member is not null)
                {
                    return $"the {member.Kind.ToString().ToLowerInvariant()} '{t.Name}.{member.Name}'";
                }
            }

            return null;
        }

        private static bool Visible(ISymbol member, INamedTypeSymbol owner, INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(owner, type)
            || member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
            || (member.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal
                && SymbolEqualityComparer.Default.Equals(owner.ContainingAssembly, type.ContainingAssembly));

        /// <summary>Handlers of every ancestor between <c>Tonic</c> and the class, root-most first.</summary>
        private static List<List<Handler>> AncestorLevels(INamedTypeSymbol type, KnownSymbols symbols)
        {
            var levels = new List<List<Handler>>();
            for (var t = type.BaseType; t is not null && !symbols.IsTonic(t); t = t.BaseType)
            {
                levels.Insert(0, t.DeclaringSyntaxReferences.Length > 0
                    ? HandlerCollector.FromSymbol(t, symbols, diagnostics: null)
                    : HandlerCollector.FromAttribute(t, symbols));
            }

            return levels;
        }

        private static List<List<string>> AncestorDeclaredStates(INamedTypeSymbol type, KnownSymbols symbols)
        {
            var levels = new List<List<string>>();
            for (var t = type.BaseType; t is not null && !symbols.IsTonic(t); t = t.BaseType)
            {
                levels.Insert(0, t.DeclaringSyntaxReferences.Length > 0 ? HandlerCollector.DeclaredStates(t, symbols) : HandlerCollector.RecordedStates(t, symbols));
            }

            return levels;
        }

        /// <summary>Partial classes are generated once: from the first declaration that holds handlers.</summary>
        private static bool IsPrimaryDeclaration(INamedTypeSymbol type, ClassDeclarationSyntax declaration)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is ClassDeclarationSyntax candidate && HasHandlerMethods(candidate))
                {
                    return candidate == declaration;
                }
            }

            return false;
        }

        public static bool HasHandlerMethods(ClassDeclarationSyntax declaration) =>
            declaration.Members.OfType<MethodDeclarationSyntax>().Any(m => HandlerName.LooksLikeHandler(m.Identifier.ValueText) || NameChecks.HasUnknownPrefix(m.Identifier.ValueText))
            || declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("TonicStates"));

        private static bool IsPartial(INamedTypeSymbol type) =>
            type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        private static string NameWithTypeParameters(INamedTypeSymbol type) =>
            type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

        private static string HintName(INamedTypeSymbol type)
        {
            var chars = type.ToDisplayString().Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '_').ToArray();
            return new string(chars) + ".g.cs";
        }

        /// <summary>Accumulates sparkle ids and states level by level, so a base class's values stay valid in subclasses.</summary>
        private sealed class Tables
        {
            private readonly string _className;
            private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            private readonly List<string> _order = new List<string>();

            public Tables(string className) => _className = className;

            public List<string> States { get; } = new List<string>();

            public void AddLevel(List<Handler> handlers, List<string> declaredStates, bool isOwn, List<DiagnosticInfo> diagnostics)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var handler in handlers)
                {
                    var key = handler.Name.GenericName;
                    if (isOwn && !seen.Add(key + "@" + handler.Name.State))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConflictingName, handler.Location, handler.Name.Name, _className,
                            handler.MethodName, "another handler for the same state"));
                        continue;
                    }

                    if (_entries.TryGetValue(KindKey(handler), out var existing))
                    {
                        if (existing.Kind != handler.Name.Kind)
                        {
                            if (isOwn)
                            {
                                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConflictingName, handler.Location, handler.Name.Name, _className,
                                    Describe(existing.Kind), Describe(handler.Name.Kind)));
                            }

                            continue;
                        }

                        if (existing.Handlers.Count > 0 && existing.ParameterKey != handler.ParameterKey)
                        {
                            if (isOwn)
                            {
                                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ParameterMismatch, handler.Location, handler.MethodName,
                                    handler.ParameterKey, key, existing.ParameterKey));
                            }

                            continue;
                        }
                    }
                    else
                    {
                        existing = new Entry(key, handler.Name.Kind, handler.Name.HookId) { IntroducedHere = isOwn, EntryPoint = handler.EntryPoint };
                        _entries[KindKey(handler)] = existing;
                        if (handler.Name.Kind != HandlerKind.Hook)
                        {
                            _order.Add(KindKey(handler));
                        }
                    }

                    if (existing.Handlers.Count == 0)
                    {
                        existing.ParameterKey = handler.ParameterKey;
                        existing.Parameters = handler.Parameters;
                    }

                    existing.Handlers.Add((handler, isOwn));
                }

                foreach (var state in handlers.Select(h => h.Name.State).Concat(declaredStates).Where(s => s is not null).Distinct().OrderBy(s => s, StringComparer.Ordinal))
                {
                    if (!States.Contains(state!))
                    {
                        States.Add(state!);
                    }
                }

                // Ids of new names are assigned in name order per level, after the base's.
                var fresh = _order.Where(k => !_entries[k].HasId).OrderBy(k => k, StringComparer.Ordinal).ToList();
                foreach (var key in fresh)
                {
                    _entries[key].Id = FirstUserSparkle + _order.Count(k => _entries[k].HasId);
                    _entries[key].HasId = true;
                }
            }

            public List<SparkleModel> BuildSparkles(List<Handler> own)
            {
                var result = new List<SparkleModel>();
                foreach (var entry in _entries.Values.OrderBy(e => e.Kind == HandlerKind.Hook ? e.HookId : e.Id))
                {
                    var ownHandlers = entry.Handlers.Where(h => h.Own).Select(h => h.Handler).ToList();
                    var ownGeneric = ownHandlers.FirstOrDefault(h => h.Name.State is null)?.MethodName;
                    var cases = new List<StateCase>();
                    foreach (var handler in ownHandlers.Where(h => h.Name.State is not null))
                    {
                        cases.Add(new StateCase(States.IndexOf(handler.Name.State!), handler.MethodName));
                    }

                    if (ownGeneric is not null)
                    {
                        var inherited = entry.Handlers.Where(h => !h.Own && h.Handler.Name.State is not null).Select(h => h.Handler.Name.State!).Distinct();
                        foreach (var state in inherited)
                        {
                            if (ownHandlers.All(h => h.Name.State != state))
                            {
                                cases.Add(new StateCase(States.IndexOf(state), null));
                            }
                        }
                    }

                    var id = entry.Kind == HandlerKind.Hook ? entry.HookId : entry.Id;
                    var entryPoint = entry.Kind is HandlerKind.Hook or HandlerKind.Binding ? string.Empty : entry.EntryPoint ?? GrammarEntryPoint(entry.GenericName, entry.Kind);
                    var binding = entry.IntroducedHere && entry.Kind == HandlerKind.Binding ? ownHandlers.Select(h => h.Binding).FirstOrDefault(b => b is not null) : null;
                    result.Add(new SparkleModel(id, entry.GenericName, entryPoint, entry.Kind,
                        new EquatableArray<ParameterModel>(entry.Parameters), entry.IntroducedHere && entry.Kind is not (HandlerKind.Hook or HandlerKind.Binding),
                        ownGeneric, new EquatableArray<StateCase>(cases.OrderBy(c => c.State)), binding));
                }

                return result;
            }

            /// <summary>
            /// <c>ttsc__open</c> → <c>Open</c>; an event is what a sender tells the tonic, so <c>ttse__on_connected</c> →
            /// <c>NotifyConnected</c> (as <c>[Event]</c> does; in .NET <c>OnConnected</c> would read as the handler).
            /// </summary>
            private static string GrammarEntryPoint(string genericName, HandlerKind kind)
            {
                var name = genericName.Substring(genericName.IndexOf("__", StringComparison.Ordinal) + 2);
                if (kind != HandlerKind.Event)
                {
                    return HandlerName.ToPascalCase(name);
                }

                return "Notify" + HandlerName.ToPascalCase(name.StartsWith("on_", StringComparison.Ordinal) ? name.Substring(3) : name);
            }

            // One key per sparkle name: a command and an event with the same name collide on purpose.
            private static string KindKey(Handler handler) => handler.Name.Name;

            private static string Describe(HandlerKind kind) => kind switch
            {
                HandlerKind.Command => "a command (ttsc)",
                HandlerKind.Event => "an event (ttse)",
                HandlerKind.Internal => "an internal sparkle (tts/_tts)",
                HandlerKind.Binding => "an event binding (ttev)",
                _ => "a lifecycle hook",
            };

            private sealed class Entry
            {
                public Entry(string genericName, HandlerKind kind, int hookId)
                {
                    GenericName = genericName;
                    Kind = kind;
                    HookId = hookId;
                }

                public string GenericName { get; }

                public HandlerKind Kind { get; }

                public int HookId { get; }

                public int Id { get; set; }

                public bool HasId { get; set; }

                public bool IntroducedHere { get; set; }

                public string? EntryPoint { get; set; }

                public string ParameterKey { get; set; } = string.Empty;

                public IReadOnlyList<ParameterModel> Parameters { get; set; } = Array.Empty<ParameterModel>();

                public List<(Handler Handler, bool Own)> Handlers { get; } = new List<(Handler, bool)>();
            }
        }
    }
}

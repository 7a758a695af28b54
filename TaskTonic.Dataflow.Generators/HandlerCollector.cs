using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>One handler of one class level: its parsed name and parameter types.</summary>
    internal sealed class Handler
    {
        public Handler(string methodName, HandlerName name, IReadOnlyList<ParameterModel> parameters, Location? location, string? entryPoint = null)
        {
            MethodName = methodName;
            Name = name;
            Parameters = parameters;
            Location = location;
            EntryPoint = entryPoint;
        }

        public string MethodName { get; }

        /// <summary>The entry point an attribute-declared handler names; null for the grammar's PascalCase rule.</summary>
        public string? EntryPoint { get; }

        public HandlerName Name { get; }

        public IReadOnlyList<ParameterModel> Parameters { get; }

        public Location? Location { get; }

        /// <summary>What a <c>ttev__</c> handler of the class itself subscribes; null otherwise.</summary>
        public BindingModel? Binding { get; set; }

        public string ParameterKey => string.Join(", ", Parameters.Select(p => p.TypeOf));
    }

    /// <summary>Finds handlers in a class (from source symbols or, for compiled bases, from the generated attribute).</summary>
    internal static class HandlerCollector
    {
        public const string TonicTypeName = "TaskTonic.Dataflow.Tonic";
        public const string SparklesAttributeName = "TaskTonic.Dataflow.Sparkles.TonicSparklesAttribute";
        public const string StatesAttributeName = "TaskTonic.Dataflow.TonicStatesAttribute";
        public const string StateEntryPrefix = "state:";

        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>The handlers a class declares itself; invalid ones become diagnostics when <paramref name="diagnostics"/> is given.</summary>
        public static List<Handler> FromSymbol(INamedTypeSymbol type, KnownSymbols symbols, List<DiagnosticInfo>? diagnostics)
        {
            var handlers = new List<Handler>();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var declarations = symbols.Declarations(method);
                if (method.MethodKind != MethodKind.Ordinary || (!HandlerName.LooksLikeHandler(method.Name) && declarations.Count == 0))
                {
                    continue;
                }

                var location = method.Locations.FirstOrDefault();
                HandlerName? name;
                string? entryPoint = null;
                if (declarations.Count > 0)
                {
                    var parsed = AttributeHandlers.Parse(method, declarations, location, diagnostics);
                    if (parsed is null)
                    {
                        continue;
                    }

                    (name, entryPoint) = parsed.Value;
                }
                else
                {
                    name = HandlerName.TryParse(method.Name);
                    if (name is null)
                    {
                        diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BadName, location, method.Name));
                        continue;
                    }
                }

                if (method.IsAsync)
                {
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.AsyncHandler, location, method.Name));
                    continue;
                }

                if (!method.ReturnsVoid)
                {
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.NotVoid, location, method.Name, method.ReturnType.ToDisplayString()));
                    continue;
                }

                var problem = SignatureProblem(method);
                if (problem is not null)
                {
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedSignature, location, method.Name, problem));
                    continue;
                }

                if (name.HookId == HandlerName.InfusionCompletedHookId)
                {
                    if (method.Parameters.Length > 1 || (method.Parameters.Length == 1 && method.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() != TonicTypeName))
                    {
                        diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedSignature, location, method.Name,
                            "must take no parameters or one parameter of type TaskTonic.Dataflow.Tonic (the completed infusion)"));
                        continue;
                    }
                }
                else if (name.Kind == HandlerKind.Hook && method.Parameters.Length > 0)
                {
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.HookWithParameters, location, method.Name));
                    continue;
                }

                BindingModel? binding = null;
                if (name.Kind == HandlerKind.Binding && diagnostics is not null)
                {
                    var (member, evt) = HandlerName.SplitBinding(name.Name)!.Value;
                    binding = EventBindings.Resolve(type, method, member, evt, symbols.Compilation, location, diagnostics);
                    if (binding is null)
                    {
                        continue;
                    }
                }

                // A bound event's arguments are handed over as .NET events hand them over: by reference.
                var parameters = method.Parameters.Select(p => name.Kind == HandlerKind.Binding ? ToModel(p) with { Isolation = Isolation.Share } : ToModel(p)).ToList();
                foreach (var parameter in method.Parameters.Where(p => parameters[p.Ordinal].Isolation == Isolation.Reject))
                {
                    ArgumentIsolation.Classify(parameter, out var reason);
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.CannotCrossCatalysts, parameter.Locations.FirstOrDefault() ?? location,
                        parameter.Name, method.Name, parameter.Type.ToDisplayString(), reason));
                }

                handlers.Add(new Handler(method.Name, name, parameters, location, entryPoint) { Binding = binding });
            }

            return handlers;
        }

        /// <summary>States declared with <c>[TonicStates]</c> on a source class.</summary>
        public static List<string> DeclaredStates(INamedTypeSymbol type, KnownSymbols symbols)
        {
            var states = new List<string>();
            foreach (var attribute in type.GetAttributes().Where(a => KnownSymbols.Is(a, symbols.StatesAttribute)))
            {
                if (attribute.ConstructorArguments.Length == 1)
                {
                    states.AddRange(attribute.ConstructorArguments[0].Values.Select(v => v.Value).OfType<string>());
                }
            }

            return states;
        }

        /// <summary>States a compiled base class recorded in its <c>TonicSparkles</c> attribute.</summary>
        public static List<string> RecordedStates(INamedTypeSymbol type, KnownSymbols symbols) =>
            AttributeEntries(type, symbols).Where(e => e.StartsWith(StateEntryPrefix, System.StringComparison.Ordinal))
                .Select(e => e.Substring(StateEntryPrefix.Length)).ToList();

        private static IEnumerable<string> AttributeEntries(INamedTypeSymbol type, KnownSymbols symbols)
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => KnownSymbols.Is(a, symbols.SparklesAttribute));
            if (attribute is null || attribute.ConstructorArguments.Length != 1)
            {
                return Enumerable.Empty<string>();
            }

            return attribute.ConstructorArguments[0].Values.Select(v => v.Value).OfType<string>();
        }

        /// <summary>The handlers of a compiled base class, read from its <c>TonicSparkles</c> attribute.</summary>
        public static List<Handler> FromAttribute(INamedTypeSymbol type, KnownSymbols symbols)
        {
            var handlers = new List<Handler>();
            foreach (var text in AttributeEntries(type, symbols))
            {
                if (text.StartsWith(StateEntryPrefix, System.StringComparison.Ordinal))
                {
                    continue;
                }

                var bar = text.IndexOf('|');
                var methodName = bar < 0 ? text : text.Substring(0, bar);
                var name = HandlerName.TryParse(methodName);
                if (name is null)
                {
                    continue;
                }

                // method|type1;type2 or, for an attribute-declared handler, method|type1;type2|EntryPoint
                var fields = bar < 0 ? new[] { text } : text.Split('|');
                var types = fields.Length < 2 || fields[1].Length == 0 ? System.Array.Empty<string>() : fields[1].Split(';');
                var parameters = types.Select((t, i) => new ParameterModel(t, t, "arg" + i, null, Isolation.Share)).ToList();
                handlers.Add(new Handler(methodName, name, parameters, null, fields.Length > 2 ? fields[2] : null));
            }

            return handlers;
        }

        /// <summary>The attribute entry for a handler: <c>method|type1;type2</c>.</summary>
        public static string ToEntry(Handler handler) =>
            AttributeHandlers.GrammarName(handler.Name) + "|"
            + string.Join(";", handler.Parameters.Select(p => p.TypeOf)) + (handler.EntryPoint is null ? string.Empty : "|" + handler.EntryPoint);

        private static string? SignatureProblem(IMethodSymbol method)
        {
            if (method.IsStatic)
            {
                return "is static";
            }

            if (method.IsGenericMethod)
            {
                return "is generic";
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return $"passes parameter '{parameter.Name}' by reference ({parameter.RefKind.ToString().ToLowerInvariant()})";
                }

                if (parameter.IsParams)
                {
                    return $"has a params parameter '{parameter.Name}'";
                }
            }

            return null;
        }

        private static ParameterModel ToModel(IParameterSymbol parameter)
        {
            var type = parameter.Type.ToDisplayString(s_typeFormat);
            var typeOf = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var name = SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
            return new ParameterModel(type, typeOf, name, DefaultValue(parameter), ArgumentIsolation.Classify(parameter, out _));
        }

        private static string? DefaultValue(IParameterSymbol parameter)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return null;
            }

            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return "default";
            }

            // The value is parenthesised: "(global::E)-1" would parse as a subtraction.
            if (parameter.Type.TypeKind == TypeKind.Enum)
            {
                return "(" + parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" +
                       System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + ")";
            }

            return value switch
            {
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                bool b => b ? "true" : "false",
                float f => FloatingLiteral("float", f, f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f"),
                double d => FloatingLiteral("double", d, d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d"),
                decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m",
                long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L",
                ulong ul => ul.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL",
                uint u => u.ToString(System.Globalization.CultureInfo.InvariantCulture) + "U",
                _ => "(" + parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" +
                     System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + ")",
            };
        }

        /// <summary>NaN and the infinities have no literal: they are written as the type's constants.</summary>
        private static string FloatingLiteral(string keyword, double value, string literal) =>
            double.IsNaN(value) ? keyword + ".NaN"
            : double.IsPositiveInfinity(value) ? keyword + ".PositiveInfinity"
            : double.IsNegativeInfinity(value) ? keyword + ".NegativeInfinity"
            : literal;
    }
}

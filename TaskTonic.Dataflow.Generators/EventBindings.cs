using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>What a <c>ttev__member__event</c> handler subscribes: a .NET event, or one notification of an <c>IObservable&lt;T&gt;</c>.</summary>
    /// <param name="Member">The field or property as declared (<c>OkButton</c>, <c>_okButton</c>).</param>
    /// <param name="SourceType">The member's type, fully qualified, nullable (the stored subscription target).</param>
    /// <param name="EventName">The .NET event (<c>Clicked</c>), or <c>next</c>/<c>error</c>/<c>completed</c> for an observable.</param>
    /// <param name="Observable">True for an <c>IObservable&lt;T&gt;</c> notification.</param>
    /// <param name="DelegateType">The event's delegate type (fully qualified), or <c>T</c> of the observable.</param>
    /// <param name="DelegateArity">How many parameters the event's delegate has.</param>
    /// <param name="FirstArgument">The first delegate parameter the handler takes (1 when it leaves out the sender).</param>
    internal sealed record BindingModel(string Member, string SourceType, string EventName, bool Observable, string DelegateType,
        int DelegateArity, int FirstArgument);

    /// <summary>Resolves <c>ttev__member__event</c> against the tonic class: member, event and the parameter mapping.</summary>
    /// <remarks>
    /// The member segment (<c>ok_button</c>) matches, in this order, a field or property named <c>OkButton</c>,
    /// <c>okButton</c>, <c>_okButton</c> or <c>ok_button</c> (of the class or a base, readable from it); the event segment
    /// (<c>clicked</c>) matches the instance event <c>Clicked</c> of the member's type (or its bases and interfaces). When
    /// there is no such event and the member is an <c>IObservable&lt;T&gt;</c>, <c>next</c>, <c>error</c> and
    /// <c>completed</c> name its notifications.
    /// </remarks>
    internal static class EventBindings
    {
        private static readonly string[] s_notifications = { "next", "error", "completed" };

        public static BindingModel? Resolve(INamedTypeSymbol type, IMethodSymbol method, string member, string evt, Compilation compilation,
            Location? location, List<DiagnosticInfo>? diagnostics)
        {
            var field = FindMember(type, member, compilation);
            if (field is null)
            {
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BindingMemberNotFound, location, method.Name, member, type.Name, Candidates(member)));
                return null;
            }

            var memberType = field is IFieldSymbol f ? f.Type : ((IPropertySymbol)field).Type;
            var display = memberType.ToDisplayString();
            if (!memberType.IsReferenceType)
            {
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BindingEventNotFound, location, method.Name, evt, field.Name, display,
                    "it is not a reference type (an event of a value-type member would be subscribed on a copy)"));
                return null;
            }

            var source = memberType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "?";
            var eventName = HandlerName.ToPascalCase(evt);
            var found = FindEvent(memberType, eventName, type, compilation);
            if (found is not null)
            {
                var invoke = (found.Type as INamedTypeSymbol)?.DelegateInvokeMethod;
                var delegateParameters = invoke?.Parameters.Select(p => p.Type).ToList() ?? new List<ITypeSymbol>();
                var problem = invoke is null ? "its type is not a delegate"
                    : !invoke.ReturnsVoid ? $"its delegate returns '{invoke.ReturnType.ToDisplayString()}'; a bound event's delegate returns void"
                    : invoke.Parameters.Any(p => p.RefKind != RefKind.None) ? "its delegate passes a parameter by reference"
                    : null;
                var first = problem is null ? Mapping(method, delegateParameters, compilation) : -1;
                if (first < 0)
                {
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BindingParameterMismatch, location, method.Name, Describe(method.Parameters.Select(p => p.Type)),
                        $"event '{display}.{found.Name}'", Describe(delegateParameters),
                        problem ?? Alternatives(delegateParameters)));
                    return null;
                }

                return new BindingModel(field.Name, source, found.Name, false,
                    found.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), delegateParameters.Count, first);
            }

            var observables = ObservableElements(memberType, compilation);
            if (System.Array.IndexOf(s_notifications, evt) < 0 || observables.Count != 1)
            {
                var hint = observables.Count == 1 ? $"; it is an IObservable<{observables[0].ToDisplayString()}>, whose notifications are next, error and completed"
                    : observables.Count > 1 ? "; it implements IObservable<T> for more than one T, so its notifications cannot be bound by name" : string.Empty;
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BindingEventNotFound, location, method.Name, evt, field.Name, display,
                    $"it has no accessible instance event '{eventName}'{hint}"));
                return null;
            }

            var element = observables[0];
            var delivered = evt switch
            {
                "next" => new List<ITypeSymbol> { element },
                "error" => new List<ITypeSymbol> { compilation.GetTypeByMetadataName("System.Exception")! },
                _ => new List<ITypeSymbol>(),
            };
            if (Mapping(method, delivered, compilation) != 0)
            {
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BindingParameterMismatch, location, method.Name, Describe(method.Parameters.Select(p => p.Type)),
                    $"notification '{evt}' of IObservable<{element.ToDisplayString()}> '{field.Name}'", Describe(delivered), Alternatives(delivered)));
                return null;
            }

            return new BindingModel(field.Name, source, evt, true, element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), delivered.Count, 0);
        }

        /// <summary>The field or property the member segment names, searched in the class and then its bases.</summary>
        private static ISymbol? FindMember(INamedTypeSymbol type, string member, Compilation compilation)
        {
            var pascal = HandlerName.ToPascalCase(member);
            var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
            foreach (var name in new[] { pascal, camel, "_" + camel, member })
            {
                for (var t = type; t is not null; t = t.BaseType)
                {
                    var found = t.GetMembers(name).FirstOrDefault(m =>
                        (m is IFieldSymbol || m is IPropertySymbol { GetMethod: not null, IsIndexer: false })
                        && !m.IsImplicitlyDeclared && compilation.IsSymbolAccessibleWithin(m, type));
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static IEventSymbol? FindEvent(ITypeSymbol memberType, string name, INamedTypeSymbol tonic, Compilation compilation)
        {
            var types = new List<ITypeSymbol>();
            for (var t = memberType; t is not null; t = t.BaseType)
            {
                types.Add(t);
            }

            types.AddRange(memberType.AllInterfaces);
            return types.SelectMany(t => t.GetMembers(name)).OfType<IEventSymbol>()
                .FirstOrDefault(e => !e.IsStatic && compilation.IsSymbolAccessibleWithin(e, tonic));
        }

        private static List<ITypeSymbol> ObservableElements(ITypeSymbol type, Compilation compilation)
        {
            var observable = compilation.GetTypeByMetadataName("System.IObservable`1");
            var all = type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? new[] { self }.Concat(type.AllInterfaces) : type.AllInterfaces;
            return all.Where(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, observable))
                .Select(i => i.TypeArguments[0]).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).ToList();
        }

        /// <summary>The first delegate parameter the handler receives (0: all, 1: all but an object sender, or none at all); -1 when they do not fit.</summary>
        private static int Mapping(IMethodSymbol method, List<ITypeSymbol> delivered, Compilation compilation)
        {
            var handler = method.Parameters;
            if (handler.Length == 0)
            {
                return 0;
            }

            bool Fits(int skip) => handler.Length == delivered.Count - skip
                && handler.Select((p, i) => Converts(delivered[i + skip], p.Type, compilation)).All(ok => ok);
            if (Fits(0))
            {
                return 0;
            }

            return delivered.Count > 0 && delivered[0].SpecialType == SpecialType.System_Object && Fits(1) ? 1 : -1;
        }

        private static bool Converts(ITypeSymbol from, ITypeSymbol to, Compilation compilation)
        {
            if (compilation is not Microsoft.CodeAnalysis.CSharp.CSharpCompilation csharp)
            {
                return SymbolEqualityComparer.Default.Equals(from, to);
            }

            var conversion = csharp.ClassifyConversion(from, to);
            return conversion.IsIdentity || (conversion.IsImplicit && (conversion.IsReference || conversion.IsBoxing));
        }

        private static string Describe(IEnumerable<ITypeSymbol> types) => string.Join(", ", types.Select(t => t.ToDisplayString()));

        private static string Alternatives(List<ITypeSymbol> delivered)
        {
            var forms = new List<string> { "(" + Describe(delivered) + ")" };
            if (delivered.Count > 0 && delivered[0].SpecialType == SpecialType.System_Object)
            {
                forms.Add("(" + Describe(delivered.Skip(1)) + ")");
            }

            forms.Add("()");
            return "declare " + string.Join(" or ", forms.Distinct());
        }

        private static string Candidates(string member)
        {
            var pascal = HandlerName.ToPascalCase(member);
            var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
            return $"{pascal}, {camel}, _{camel} or {member}";
        }
    }
}

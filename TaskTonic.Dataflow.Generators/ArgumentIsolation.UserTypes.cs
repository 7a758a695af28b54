using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>Classification of user types by their fields, with the walk state that finds cycles and keeps the reason.</summary>
    internal static partial class ArgumentIsolation
    {
        /// <summary>The state of one classification: types being classified, cycles found and the first rejection's reason.</summary>
        private sealed class Walk
        {
            public HashSet<ITypeSymbol> Visiting { get; } = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);

            public HashSet<ITypeSymbol> CycleHits { get; } = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);

            public string? Reason { get; private set; }

            public Isolation Reject(string reason)
            {
                Reason ??= reason;
                return Isolation.Reject;
            }
        }

        private static Isolation ClassifyUserType(INamedTypeSymbol type, Walk walk)
        {
            if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
            {
                return walk.Reject($"'{type.ToDisplayString()}' is an interface or abstract, so the object's real type and state are unknown");
            }

            // A field-like event hides its delegate field from the member list; it holds delegates all the same.
            var instanceEvent = Hierarchy(type).SelectMany(t => t.GetMembers().OfType<IEventSymbol>()).FirstOrDefault(e => !e.IsStatic);
            if (instanceEvent is not null)
            {
                return walk.Reject($"the event '{instanceEvent.ContainingType.Name}.{instanceEvent.Name}' holds delegates, which capture mutable state of the sender and cannot be copied");
            }

            var fields = AllInstanceFields(type).ToList();
            var sealedEnough = type.TypeKind == TypeKind.Struct || type.IsSealed || type.IsRecord;
            if (sealedEnough && fields.All(f => IsReadOnly(f) && Classify(f.Type, walk) == Isolation.Share))
            {
                return Isolation.Share;
            }

            var keyed = type.GetAttributes().Any(a => a.AttributeClass?.Name == "MessagePackObjectAttribute");
            var constructible = type.TypeKind == TypeKind.Struct
                || type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 0)
                || type.IsRecord;
            // A contractless copy only carries public state: every field must be public or back a public property.
            var allPublic = fields.All(f => f.DeclaredAccessibility == Accessibility.Public
                || f.AssociatedSymbol is IPropertySymbol { DeclaredAccessibility: Accessibility.Public });
            if (!keyed && !constructible)
            {
                return walk.Reject($"'{type.ToDisplayString()}' has no public parameterless constructor (mark it [MessagePackObject] to copy it)");
            }

            if (!keyed && !allPublic)
            {
                return walk.Reject($"'{type.ToDisplayString()}' has non-public state, which a contractless copy would lose (mark it [MessagePackObject] to copy it)");
            }

            string? cyclicVia = null;
            foreach (var field in fields)
            {
                walk.CycleHits.Remove(type);
                if (Classify(field.Type, walk) == Isolation.Reject)
                {
                    return Isolation.Reject;
                }

                if (cyclicVia is null && walk.CycleHits.Contains(type))
                {
                    cyclicVia = field.AssociatedSymbol?.Name ?? field.Name;
                }
            }

            return cyclicVia is null
                ? Isolation.Copy
                : walk.Reject($"the mutable type '{type.ToDisplayString()}' reaches itself through '{cyclicVia}', so a copy could be cyclic or arbitrarily deep");
        }

        private static IEnumerable<IFieldSymbol> AllInstanceFields(INamedTypeSymbol type) =>
            Hierarchy(type).SelectMany(t => t.GetMembers().OfType<IFieldSymbol>()).Where(f => !f.IsStatic && !f.IsConst);

        private static IEnumerable<INamedTypeSymbol> Hierarchy(INamedTypeSymbol type)
        {
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
            {
                yield return t;
            }
        }

        private static bool IsReadOnly(IFieldSymbol field) =>
            field.IsReadOnly || field.AssociatedSymbol is IPropertySymbol { SetMethod: null or { IsInitOnly: true } };
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// The runtime's types, resolved once per model build and compared as symbols (not as display strings). Never stored
    /// in a cached model: it lives only while a transform runs.
    /// </summary>
    internal sealed class KnownSymbols
    {
        public const string Namespace = "TaskTonic.Dataflow.";
        public const string InStateName = Namespace + "InStateAttribute";

        /// <summary>Metadata names of the declaration attributes: kinds, hooks, <c>[BindEvent]</c>, and <c>[InState]</c> last.</summary>
        public static readonly string[] DeclarationAttributes =
        {
            Namespace + "CommandAttribute", Namespace + "EventAttribute", Namespace + "InternalSparkleAttribute",
            Namespace + "OnStartAttribute", Namespace + "OnEnterAttribute", Namespace + "OnExitAttribute", Namespace + "OnFinishedAttribute",
            Namespace + "OnInfusionCompletedAttribute", Namespace + "BindEventAttribute", InStateName,
        };

        private readonly INamedTypeSymbol?[] _declarations;

        public KnownSymbols(Compilation compilation)
        {
            Compilation = compilation;
            Tonic = compilation.GetTypeByMetadataName(HandlerCollector.TonicTypeName);
            StatesAttribute = compilation.GetTypeByMetadataName(HandlerCollector.StatesAttributeName);
            SparklesAttribute = compilation.GetTypeByMetadataName(HandlerCollector.SparklesAttributeName);
            _declarations = DeclarationAttributes.Select(compilation.GetTypeByMetadataName).ToArray();
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? Tonic { get; }

        public INamedTypeSymbol? StatesAttribute { get; }

        public INamedTypeSymbol? SparklesAttribute { get; }

        public bool IsTonic(INamedTypeSymbol? type) => Tonic is not null && SymbolEqualityComparer.Default.Equals(type, Tonic);

        public bool DerivesFromTonic(INamedTypeSymbol type)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (IsTonic(t))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The index in <see cref="DeclarationAttributes"/> of the attribute's class, or -1.</summary>
        public int DeclarationIndex(AttributeData attribute)
        {
            for (var i = 0; i < _declarations.Length; i++)
            {
                if (_declarations[i] is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _declarations[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The method's declaration attributes with their indexes, in source order.</summary>
        public List<(int Index, AttributeData Attribute)> Declarations(IMethodSymbol method) =>
            method.GetAttributes().Select(a => (DeclarationIndex(a), a)).Where(p => p.Item1 >= 0).ToList();

        public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The <see cref="HandlerShape"/> of each <c>[ClaimCheck]</c> method, read once per compilation and shared by every
/// usage analyzer (several report on the same verdict). Keyed weakly by compilation, like the bounded per-compilation
/// caches of the .NET analyzers, so an edited compilation's shapes are collected with it.
/// </summary>
internal static class HandlerShapes
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<IMethodSymbol, HandlerShape>> s_byCompilation = new();

    /// <summary>The shape of <paramref name="method"/>, whose <c>[ClaimCheck]</c> is <paramref name="attribute"/>.</summary>
    public static HandlerShape Of(Compilation compilation, IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
    {
        ConcurrentDictionary<IMethodSymbol, HandlerShape> shapes = s_byCompilation.GetValue(
            compilation,
            static _ => new ConcurrentDictionary<IMethodSymbol, HandlerShape>(SymbolEqualityComparer.Default));
        if (shapes.TryGetValue(method, out HandlerShape? shape))
        {
            return shape;
        }

        // Read outside the dictionary: a cancelled read throws and stores nothing.
        return shapes.GetOrAdd(method, HandlerShapeReader.Read(compilation, method, attribute, cancellationToken));
    }
}

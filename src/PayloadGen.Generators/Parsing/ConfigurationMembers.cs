using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Finds the members by which a handler's class configures its wrappers: a <c>ClaimCheckRuntime</c> field or property
/// (how tests and DI inject a store) and a static <c>ClaimCheckJsonOptions</c>. Declared or inherited; the nearest
/// member of that name wins, as it does in C# name lookup.
/// </summary>
internal static class ConfigurationMembers
{
    /// <summary>
    /// The expression reading the class's <c>ClaimCheckRuntime</c> member from the wrapper, or <see langword="null"/>
    /// when there is none of type <c>PayloadGen.ClaimCheckRuntime</c> that the wrapper can read (a static wrapper
    /// needs a static member).
    /// </summary>
    public static string? RuntimeExpression(Compilation compilation, INamedTypeSymbol type, string typeName, bool staticWrapper)
    {
        ISymbol? member = Readable(compilation, type, KnownTypeNames.RuntimeMember, KnownTypeNames.ClaimCheckRuntime);
        if (member is null || (staticWrapper && !member.IsStatic))
        {
            return null;
        }

        return member.IsStatic ? typeName + "." + KnownTypeNames.RuntimeMember : "this." + KnownTypeNames.RuntimeMember;
    }

    /// <summary>The expression reading the class's static <c>ClaimCheckJsonOptions</c>, or <see langword="null"/>.</summary>
    public static string? JsonOptionsExpression(Compilation compilation, INamedTypeSymbol type, string typeName)
    {
        ISymbol? member = Readable(compilation, type, KnownTypeNames.JsonOptionsMember, KnownTypeNames.JsonSerializerOptions);
        return member is { IsStatic: true } ? typeName + "." + KnownTypeNames.JsonOptionsMember : null;
    }

    private static ISymbol? Readable(Compilation compilation, INamedTypeSymbol type, string name, string typeMetadataName)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers(name))
            {
                ITypeSymbol? memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: { } getter } property when compilation.IsSymbolAccessibleWithin(getter, type) => property.Type,
                    _ => null,
                };

                // The nearest member of the name hides any further up, so the search ends here either way.
                bool usable = memberType is not null
                    && SymbolNames.Is(memberType, typeMetadataName)
                    && compilation.IsSymbolAccessibleWithin(member, type);
                return usable ? member : null;
            }
        }

        return null;
    }
}

using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Decides whether a request of a given type may arrive as the bare pointer shape <c>{"bucket":…,"key":…}</c>:
/// only when the type itself could never be written that way, so that real data is never mistaken for a pointer.
/// Every doubt answers "it could be data". The JSON facts come from <see cref="JsonContract"/>, the reader the size
/// model uses too.
/// </summary>
internal static class BarePointerShape
{
    private const string BucketName = "bucket";
    private const string KeyName = "key";

    /// <summary>
    /// Whether a bare pointer is unambiguous for <paramref name="requestType"/>: a concrete named class, struct or
    /// record (not a primitive, string, enum, <c>object</c>, collection, dictionary, System.Text.Json DOM type,
    /// interface or abstract type, and without a custom converter or polymorphism) with no extension data and no
    /// JSON member named <c>bucket</c> or <c>key</c> in any case, since Lambda's serializer reads case-insensitively.
    /// </summary>
    public static bool IsUnambiguous(ITypeSymbol requestType, Compilation compilation, CancellationToken cancellationToken)
    {
        if (requestType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            requestType = nullable.TypeArguments[0];
        }

        if (requestType is not INamedTypeSymbol type
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.SpecialType != SpecialType.None
            || type.IsAbstract
            || SymbolNames.IsInNamespace(type, KnownTypeNames.JsonNamespace))
        {
            return false;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return false;
            }
        }

        var contract = new JsonContract(JsonContractSymbols.For(compilation));
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType is SpecialType.None; current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            System.Collections.Immutable.ImmutableArray<AttributeData> attributes = current.GetAttributes();
            if (contract.HasCustomConverter(attributes) || contract.IsPolymorphic(attributes))
            {
                return false;
            }
        }

        foreach (JsonMember member in contract.DataMembers(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsExtensionData)
            {
                return false;
            }

            // Fields count although the default options skip them: IncludeFields may be on, and a doubt means "data".
            if (member.IsAccessible && member.Ignore != JsonIgnoreKind.Always && IsPointerName(member.JsonName))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPointerName(string name)
        => string.Equals(name, BucketName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, KeyName, StringComparison.OrdinalIgnoreCase);
}

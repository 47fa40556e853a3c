using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Decides whether a request of a given type may arrive as the bare pointer shape <c>{"bucket":…,"key":…}</c>:
/// only when the type itself could never be written that way, so that real data is never mistaken for a pointer.
/// Every doubt answers "it could be data".
/// </summary>
internal static class BarePointerShape
{
    private const string BucketName = "bucket";
    private const string KeyName = "key";

    // JsonIgnoreCondition.Always: the only condition that also ignores the member when reading.
    private const int JsonIgnoreAlways = 1;

    /// <summary>
    /// Whether a bare pointer is unambiguous for <paramref name="requestType"/>: a concrete named class, struct or
    /// record (not a primitive, string, enum, <c>object</c>, collection, dictionary, System.Text.Json DOM type,
    /// interface or abstract type, and without a custom converter or polymorphism) with no extension data and no
    /// JSON member named <c>bucket</c> or <c>key</c> in any case, since Lambda's serializer reads case-insensitively.
    /// </summary>
    public static bool IsUnambiguous(ITypeSymbol requestType, CancellationToken cancellationToken)
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

        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType is SpecialType.None; current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HasAttribute(current, KnownTypeNames.JsonConverterAttribute)
                || HasAttribute(current, KnownTypeNames.JsonPolymorphicAttribute)
                || HasAttribute(current, KnownTypeNames.JsonDerivedTypeAttribute))
            {
                return false;
            }

            foreach (ISymbol member in current.GetMembers())
            {
                if (!IsDataMember(member))
                {
                    continue;
                }

                if (HasAttribute(member, KnownTypeNames.JsonExtensionDataAttribute))
                {
                    return false;
                }

                if (IsReadFromJson(member) && IsPointerName(JsonNameOf(member)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsDataMember(ISymbol member) => member switch
    {
        IPropertySymbol property => !property.IsStatic && !property.IsIndexer,
        IFieldSymbol field => !field.IsStatic && !field.IsConst && !field.IsImplicitlyDeclared,
        _ => false,
    };

    private static bool IsReadFromJson(ISymbol member)
    {
        // Fields are counted although the default options skip them: IncludeFields may be on, and a doubt means "data".
        if (member.DeclaredAccessibility != Accessibility.Public && !HasAttribute(member, KnownTypeNames.JsonIncludeAttribute))
        {
            return false;
        }

        AttributeData? ignore = FindAttribute(member, KnownTypeNames.JsonIgnoreAttribute);
        if (ignore is null)
        {
            return true;
        }

        foreach (var argument in ignore.NamedArguments)
        {
            if (argument.Key == "Condition")
            {
                return argument.Value.Value is not int condition || condition != JsonIgnoreAlways;
            }
        }

        return false;
    }

    private static string JsonNameOf(ISymbol member)
    {
        AttributeData? rename = FindAttribute(member, KnownTypeNames.JsonPropertyNameAttribute);
        return rename is { ConstructorArguments: [{ Value: string name }] } ? name : member.Name;
    }

    private static bool IsPointerName(string name)
        => string.Equals(name, BucketName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, KeyName, StringComparison.OrdinalIgnoreCase);

    private static bool HasAttribute(ISymbol symbol, string metadataName) => FindAttribute(symbol, metadataName) is not null;

    private static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }
}

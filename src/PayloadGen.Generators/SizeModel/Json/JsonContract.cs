using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Reads System.Text.Json's contract of a type from its symbols: data members with their JSON names and ignore
/// conditions (enums read by member name), converters and polymorphism. The one reader behind both the size model
/// (<see cref="JsonSizeModel"/>: what is written) and the generator's bare-pointer check
/// (<see cref="Parsing.BarePointerShape"/>: what could be read); each applies its own policy to the same facts.
/// </summary>
internal sealed class JsonContract
{
    private readonly JsonContractSymbols _symbols;

    public JsonContract(SizeSymbols symbols)
        : this(symbols.Json)
    {
    }

    /// <summary>A reader that needs none of the size engine's other symbols (the generator's bare-pointer check).</summary>
    public JsonContract(JsonContractSymbols symbols) => _symbols = symbols;

    /// <summary>
    /// Every instance property and field of <paramref name="type"/> and its base types (for an interface, the interfaces it
    /// extends), most derived first. Policies (public getters, fields only when included) are the caller's.
    /// </summary>
    public IEnumerable<JsonMember> DataMembers(INamedTypeSymbol type)
    {
        IEnumerable<INamedTypeSymbol> types = type.TypeKind == TypeKind.Interface ? WithInterfaces(type) : BaseTypes(type);
        foreach (INamedTypeSymbol current in types)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.Type,
                    IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                // The attribute types are looked up on first use (JsonContractSymbols): a member without attributes, the
                // usual case, must not ask for them.
                ImmutableArray<AttributeData> attributes = member.GetAttributes();
                yield return new JsonMember(
                    member,
                    memberType,
                    JsonName(member, attributes),
                    attributes,
                    IgnoreOf(attributes),
                    !attributes.IsEmpty && Has(attributes, _symbols.JsonInclude),
                    !attributes.IsEmpty && Has(attributes, _symbols.JsonExtensionData));
            }
        }
    }

    /// <summary>True when <c>[JsonConverter]</c> is among <paramref name="attributes"/>: the JSON is the converter's.</summary>
    public bool HasCustomConverter(ImmutableArray<AttributeData> attributes) => !attributes.IsEmpty && Has(attributes, _symbols.JsonConverter);

    /// <summary>True when the converter among <paramref name="attributes"/> is <c>JsonStringEnumConverter</c> (or its generic form).</summary>
    public bool HasStringEnumConverter(ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (SizeSymbols.Is(attribute.AttributeClass, _symbols.JsonConverter)
                && attribute.ConstructorArguments is [{ Value: INamedTypeSymbol converter }]
                && (SizeSymbols.Is(converter, _symbols.JsonStringEnumConverter) || SizeSymbols.Is(converter.OriginalDefinition, _symbols.JsonStringEnumConverterOfT)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <c>[JsonNumberHandling]</c> among <paramref name="attributes"/> sets <c>WriteAsString</c>.</summary>
    public bool WritesNumbersAsStrings(ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (SizeSymbols.Is(attribute.AttributeClass, _symbols.JsonNumberHandlingAttribute)
                && SizeSymbols.EnumValue(_symbols.JsonNumberHandling, "WriteAsString") is long writeAsString
                && attribute.ConstructorArguments is [{ Value: { } handling }])
            {
                return (System.Convert.ToInt64(handling, System.Globalization.CultureInfo.InvariantCulture) & writeAsString) != 0;
            }
        }

        return false;
    }

    /// <summary>True when the type is polymorphic: <c>[JsonPolymorphic]</c> or <c>[JsonDerivedType]</c>.</summary>
    public bool IsPolymorphic(ImmutableArray<AttributeData> attributes) =>
        !attributes.IsEmpty && (Has(attributes, _symbols.JsonPolymorphic) || Has(attributes, _symbols.JsonDerivedType));

    public static bool Has(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (AttributeData attribute in attributes)
        {
            if (SizeSymbols.Is(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private JsonIgnoreKind IgnoreOf(ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (!SizeSymbols.Is(attribute.AttributeClass, _symbols.JsonIgnore))
            {
                continue;
            }

            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == "Condition" && argument.Value.Value is { } value)
                {
                    long condition = System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                    return condition == SizeSymbols.EnumValue(_symbols.JsonIgnoreCondition, "Always") ? JsonIgnoreKind.Always
                        : condition == SizeSymbols.EnumValue(_symbols.JsonIgnoreCondition, "Never") ? JsonIgnoreKind.None
                        : JsonIgnoreKind.WhenWriting;
                }
            }

            // [JsonIgnore] without a condition means Always.
            return JsonIgnoreKind.Always;
        }

        return JsonIgnoreKind.None;
    }

    private string JsonName(ISymbol member, ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (SizeSymbols.Is(attribute.AttributeClass, _symbols.JsonPropertyName) && attribute.ConstructorArguments is [{ Value: string name }])
            {
                return name;
            }
        }

        return member.Name;
    }

    private static IEnumerable<INamedTypeSymbol> WithInterfaces(INamedTypeSymbol type)
    {
        yield return type;
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            yield return current;
        }
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// One data member of a type as System.Text.Json's contract sees it: its JSON name (<c>[JsonPropertyName]</c> or the
/// declared name), how <c>[JsonIgnore]</c> treats it, whether <c>[JsonInclude]</c> opts it in and whether it is extension data.
/// </summary>
internal readonly record struct JsonMember(
    ISymbol Symbol,
    ITypeSymbol Type,
    string JsonName,
    ImmutableArray<AttributeData> Attributes,
    JsonIgnoreKind Ignore,
    bool IsIncluded,
    bool IsExtensionData)
{
    public bool IsField => Symbol is IFieldSymbol;

    /// <summary>Public, or opted in with <c>[JsonInclude]</c>.</summary>
    public bool IsAccessible => Symbol.DeclaredAccessibility == Accessibility.Public || IsIncluded;
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Gives each type the range of UTF-8 bytes System.Text.Json can serialize it to, with the options Lambda's
/// default serializer and PayloadGen use (property names as declared, default encoder). Bounds hold whether nulls
/// are written or omitted: minimums assume omitted nulls, maximums written ones. One instance per compilation;
/// thread-safe.
/// </summary>
internal sealed class JsonSizeModel
{
    /// <summary>System.Text.Json's default maximum depth; deeper graphs fail to serialize.</summary>
    private const int MaxDepth = 64;

    private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly ConcurrentDictionary<ITypeSymbol, SizeEstimate> _cache = new(SymbolEqualityComparer.Default);
    private readonly SizeSymbols _symbols;
    private readonly JsonContract _contract;

    public JsonSizeModel(SizeSymbols symbols)
    {
        _symbols = symbols;
        _contract = new JsonContract(symbols);
    }

    public static string Display(ITypeSymbol type) => type.ToDisplayString(DisplayFormat);

    /// <summary>The JSON size of a value of <paramref name="type"/>.</summary>
    public SizeEstimate Estimate(ITypeSymbol type) => Estimate(type, new Walk(), depth: 0);

    private SizeEstimate Estimate(ITypeSymbol type, Walk walk, int depth)
    {
        if (depth > MaxDepth)
        {
            return SizeEstimate.Unknown();
        }

        if (_cache.TryGetValue(type, out SizeEstimate? cached) || walk.Memo.TryGetValue(type, out cached))
        {
            return cached;
        }

        if (!walk.Enter(type))
        {
            walk.CycleCuts++;
            return new SizeEstimate(ByteRange.AtLeast(0), GrowthKind.Recursive, SizeNote.Recursive, ImmutableArray<SizeStep>.Empty);
        }

        int cutsBefore = walk.CycleCuts;
        SizeEstimate estimate;
        try
        {
            estimate = Compute(type, walk, depth);
        }
        finally
        {
            walk.Leave(type);
        }

        // A result shaped by a cut cycle depends on where the walk started, so it is shared only within this walk
        // (which keeps a dense entity graph linear); self-contained results are shared by the whole compilation.
        if (walk.CycleCuts == cutsBefore)
        {
            _cache.TryAdd(type, estimate);
        }
        else
        {
            walk.Memo[type] = estimate;
        }

        return estimate;
    }

    private SizeEstimate Compute(ITypeSymbol type, Walk walk, int depth)
    {
        if (ScalarSizes.ForSpecialType(type.SpecialType) is { } scalar)
        {
            return SizeEstimate.Fixed(scalar);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new SizeEstimate(JsonEscaping.StringRange(0, ByteRange.Unbounded), GrowthKind.Text, SizeNote.NoBound, ImmutableArray<SizeStep>.Empty);
            case SpecialType.System_Object:
                return SizeEstimate.Unknown();
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return SizeEstimate.Unknown();
            }

            return array.ElementType.SpecialType == SpecialType.System_Byte
                ? Binary(0, ByteRange.Unbounded, base64: true)
                : Collection(array.ElementType, 0, ByteRange.Unbounded, walk, depth);
        }

        if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Error)
        {
            return SizeEstimate.Unknown();
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            SizeEstimate inner = Estimate(named.TypeArguments[0], walk, depth + 1);
            return new SizeEstimate(new ByteRange(Math.Min(inner.Range.Min, 4), Math.Max(inner.Range.Max, 4)), inner.Kind, inner.Note, inner.Chain);
        }

        string metadataName = MetadataName(named);
        if (ScalarSizes.ForMetadataName(metadataName) is { } known)
        {
            return SizeEstimate.Fixed(known);
        }

        if (Is(named, _symbols.Uri))
        {
            return new SizeEstimate(JsonEscaping.StringRange(0, ByteRange.Unbounded), GrowthKind.Text, SizeNote.NoBound, ImmutableArray<SizeStep>.Empty);
        }

        if (Is(named.OriginalDefinition, _symbols.MemoryOfT) || Is(named.OriginalDefinition, _symbols.ReadOnlyMemoryOfT))
        {
            return named.TypeArguments[0].SpecialType == SpecialType.System_Byte
                ? Binary(0, ByteRange.Unbounded, base64: true)
                : Collection(named.TypeArguments[0], 0, ByteRange.Unbounded, walk, depth);
        }

        if (InheritsFrom(named, _symbols.Stream))
        {
            return Binary(0, ByteRange.Unbounded, base64: false);
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return EnumSizes.Estimate(named, _symbols, asString: _contract.HasStringEnumConverter(named.GetAttributes()));
        }

        if (_contract.HasCustomConverter(named.GetAttributes()))
        {
            return SizeEstimate.Unknown(SizeNote.CustomConverter);
        }

        if (DictionaryTypes(named) is { } entry)
        {
            return Dictionary(entry.Value, walk, depth);
        }

        if (ElementType(named) is { } element)
        {
            return Collection(element, 0, ByteRange.Unbounded, walk, depth);
        }

        if (IsFrameworkOrSdkType(named))
        {
            return SizeEstimate.Unknown();
        }

        return ObjectEstimate(named, walk, depth);
    }

    private SizeEstimate ObjectEstimate(INamedTypeSymbol type, Walk walk, int depth)
    {
        SizeEstimate shape = ObjectShape(type, walk, depth);
        if (_symbols.JsonDerivedType is null)
        {
            return shape;
        }

        string discriminatorName = "$type";
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (Is(attribute.AttributeClass, _symbols.JsonPolymorphic))
            {
                foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
                {
                    if (argument.Key == "TypeDiscriminatorPropertyName" && argument.Value.Value is string custom)
                    {
                        discriminatorName = custom;
                    }
                }
            }
        }

        SizeEstimate? result = type.IsAbstract ? null : shape;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (!Is(attribute.AttributeClass, _symbols.JsonDerivedType)
                || attribute.ConstructorArguments.Length == 0
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol derived
                || SymbolEqualityComparer.Default.Equals(derived, type))
            {
                continue;
            }

            SizeEstimate derivedShape = ObjectShape(derived, walk, depth);
            long discriminator = 0;
            if (attribute.ConstructorArguments.Length > 1)
            {
                long value = attribute.ConstructorArguments[1].Value switch
                {
                    string text => 2 + JsonEscaping.EscapedLength(text),
                    int number => number.ToString(CultureInfo.InvariantCulture).Length,
                    _ => 0,
                };
                discriminator = value == 0 ? 0 : 3 + JsonEscaping.EscapedLength(discriminatorName) + value;
            }

            var withDiscriminator = new ByteRange(
                ByteRange.Add(derivedShape.Range.Min, discriminator),
                ByteRange.Add(derivedShape.Range.Max, discriminator == 0 ? 0 : discriminator + 1));
            var candidate = new SizeEstimate(withDiscriminator, derivedShape.Kind, derivedShape.Note, derivedShape.Chain);
            result = result is null ? candidate : Widen(result, candidate);
        }

        return result ?? shape;
    }

    /// <summary>A range covering both estimates, explained by the larger one.</summary>
    private static SizeEstimate Widen(SizeEstimate a, SizeEstimate b)
    {
        SizeEstimate dominant = Dominates(b, a) ? b : a;
        return new SizeEstimate(
            new ByteRange(Math.Min(a.Range.Min, b.Range.Min), Math.Max(a.Range.Max, b.Range.Max)),
            dominant.Kind,
            dominant.Note,
            dominant.Chain);
    }

    private SizeEstimate ObjectShape(INamedTypeSymbol type, Walk walk, int depth)
    {
        long min = 2;
        long max = 2;
        int alwaysWritten = 0;
        int members = 0;
        GrowthKind kind = GrowthKind.None;
        ImmutableArray<SizeStep> chain = ImmutableArray<SizeStep>.Empty;
        SizeEstimate? dominant = null;
        string owner = type.Name;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonMember jsonMember in _contract.DataMembers(type))
        {
            ISymbol member = jsonMember.Symbol;
            ITypeSymbol memberType = jsonMember.Type;
            ImmutableArray<AttributeData> attributes = jsonMember.Attributes;
            if (!IsWritten(jsonMember) || !seen.Add(member.Name))
            {
                continue;
            }

            bool conditionallyIgnored = jsonMember.Ignore == JsonIgnoreKind.WhenWriting;
            if (jsonMember.IsExtensionData)
            {
                // Extension data is flattened into the object: any number of unknown members.
                max = ByteRange.Unbounded;
                kind = Max(kind, GrowthKind.Unknown);
                continue;
            }

            SizeEstimate value = MemberEstimate(memberType, attributes, walk, depth);
            long nameBytes = 3 + JsonEscaping.EscapedLength(jsonMember.JsonName);
            bool canBeOmitted = conditionallyIgnored
                || (!memberType.IsValueType && !IsRequiredNonNull(member, memberType, attributes))
                || memberType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            if (!canBeOmitted)
            {
                min = ByteRange.Add(min, nameBytes + value.Range.Min);
                alwaysWritten++;
            }

            max = ByteRange.Add(max, ByteRange.Add(nameBytes, Math.Max(value.Range.Max, memberType.IsValueType ? value.Range.Max : 4)));
            members++;

            if (dominant is null || Dominates(value, dominant))
            {
                dominant = value;
                chain = ImmutableArray.Create(new SizeStep(owner, member.Name, Display(memberType), value.Note)).AddRange(value.Chain);
            }

            kind = Max(kind, value.Kind);
        }

        min = ByteRange.Add(min, Math.Max(0, alwaysWritten - 1));
        max = ByteRange.Add(max, Math.Max(0, members - 1));
        return new SizeEstimate(new ByteRange(min, max), kind, SizeNote.None, chain);
    }

    /// <summary>
    /// A member of non-nullable type is always present when it is <c>required</c> or <c>[JsonRequired]</c>
    /// (deserialization rejects JSON without it), or when it is a collection that declares a minimum count above zero
    /// (<c>[MinLength(n)]</c>, <c>[Length(n, …)]</c> on a non-nullable list: the author states it holds at least n items);
    /// a non-nullable annotation promises no null on the way out.
    /// </summary>
    private bool IsRequiredNonNull(ISymbol member, ITypeSymbol type, ImmutableArray<AttributeData> attributes)
    {
        bool required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }
            || JsonContract.Has(attributes, _symbols.JsonRequired)
            || (IsCollectionOfItems(type) && DataAnnotationBounds.Of(attributes, _symbols) is { Min: > 0 });
        return required && type.NullableAnnotation == NullableAnnotation.NotAnnotated;
    }

    /// <summary>A member's value size, narrowed by its validation attributes and converters.</summary>
    private SizeEstimate MemberEstimate(ITypeSymbol type, ImmutableArray<AttributeData> attributes, Walk walk, int depth)
    {
        ITypeSymbol underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

        if (_contract.HasCustomConverter(attributes))
        {
            return underlying.TypeKind == TypeKind.Enum && _contract.HasStringEnumConverter(attributes)
                ? EnumSizes.Estimate((INamedTypeSymbol)underlying, _symbols, asString: true)
                : SizeEstimate.Unknown(SizeNote.CustomConverter);
        }

        if (DataAnnotationBounds.Of(attributes, _symbols) is { } bounds)
        {
            if (underlying.SpecialType == SpecialType.System_String)
            {
                SizeNote note = SizeNote.Counted(SizeNoteKind.Characters, bounds.Min, bounds.Max, SizeNote.NoBound);
                return new SizeEstimate(JsonEscaping.StringRange(bounds.Min, bounds.Max), bounds.Max == ByteRange.Unbounded ? GrowthKind.Text : GrowthKind.None, note, ImmutableArray<SizeStep>.Empty);
            }

            if (IsBinary(underlying))
            {
                return Binary(bounds.Min, bounds.Max, base64: true);
            }

            if (underlying is IArrayTypeSymbol { Rank: 1 } array)
            {
                return Collection(array.ElementType, bounds.Min, bounds.Max, walk, depth);
            }

            if (underlying is INamedTypeSymbol named && DictionaryTypes(named) is null && ElementType(named) is { } element)
            {
                return Collection(element, bounds.Min, bounds.Max, walk, depth);
            }
        }

        SizeEstimate estimate = Estimate(type, walk, depth + 1);
        if (IsNumber(underlying) && _contract.WritesNumbersAsStrings(attributes))
        {
            return new SizeEstimate(estimate.Range.Plus(2), estimate.Kind, estimate.Note, estimate.Chain);
        }

        return estimate;
    }

    private SizeEstimate Collection(ITypeSymbol element, long minCount, long maxCount, Walk walk, int depth)
    {
        SizeEstimate item = Estimate(element, walk, depth + 1);
        // A reference element may be null (4 bytes) unless the nullable annotations promise it is not: then a declared
        // minimum count times the element's own minimum proves the size ([MinLength(100_000)] List<Row>).
        bool neverNull = element.IsValueType || element.NullableAnnotation == NullableAnnotation.NotAnnotated;
        long itemMin = neverNull ? item.Range.Min : Math.Min(item.Range.Min, 4);
        long itemMax = element.IsValueType ? item.Range.Max : Math.Max(item.Range.Max, 4);
        long min = ByteRange.Add(2, ByteRange.Add(ByteRange.Multiply(minCount, itemMin), Math.Max(0, minCount - 1)));
        long max = maxCount == ByteRange.Unbounded
            ? ByteRange.Unbounded
            : ByteRange.Add(2, ByteRange.Add(ByteRange.Multiply(maxCount, itemMax), Math.Max(0, maxCount - 1)));
        SizeNote note = SizeNote.Counted(SizeNoteKind.Items, minCount, maxCount, SizeNote.NoBound);
        GrowthKind kind = maxCount == ByteRange.Unbounded ? Max(GrowthKind.Collection, item.Kind) : item.Kind;
        ImmutableArray<SizeStep> chain = item.Kind >= GrowthKind.Collection || (maxCount != ByteRange.Unbounded && item.Chain.Length > 0)
            ? ElementChain(element, item)
            : ImmutableArray<SizeStep>.Empty;
        return new SizeEstimate(new ByteRange(min, max), kind, note, chain);
    }

    private SizeEstimate Dictionary(ITypeSymbol value, Walk walk, int depth)
    {
        SizeEstimate item = Estimate(value, walk, depth + 1);
        ImmutableArray<SizeStep> chain = item.Kind >= GrowthKind.Collection ? ElementChain(value, item) : ImmutableArray<SizeStep>.Empty;
        return new SizeEstimate(ByteRange.AtLeast(2), Max(GrowthKind.Collection, item.Kind), SizeNote.NoBound, chain);
    }

    private static ImmutableArray<SizeStep> ElementChain(ITypeSymbol element, SizeEstimate item) =>
        SizeChainRenderer.IsObjectLike(element) && item.Note.IsEmpty
            ? item.Chain
            : ImmutableArray.Create(new SizeStep(null, null, Display(element), item.Note)).AddRange(item.Chain);

    private static SizeEstimate Binary(long minBytes, long maxBytes, bool base64)
    {
        ByteRange range = base64 ? JsonEscaping.Base64Range(minBytes, maxBytes) : new ByteRange(minBytes, maxBytes);
        SizeNote note = SizeNote.Counted(SizeNoteKind.Bytes, minBytes, maxBytes, SizeNote.None);
        return new SizeEstimate(range, maxBytes == ByteRange.Unbounded ? GrowthKind.Binary : GrowthKind.None, note, ImmutableArray<SizeStep>.Empty);
    }


    /// <summary>
    /// What System.Text.Json writes with default options: public properties with a public getter and members opted in
    /// with <c>[JsonInclude]</c>, unless always ignored.
    /// </summary>
    private static bool IsWritten(JsonMember member) =>
        member.Ignore != JsonIgnoreKind.Always
        && (member.IsIncluded
            || (member.Symbol is IPropertySymbol { GetMethod: { DeclaredAccessibility: Accessibility.Public } } && member.Symbol.DeclaredAccessibility == Accessibility.Public));

    private static IEnumerable<INamedTypeSymbol> Prepend(INamedTypeSymbol first, ImmutableArray<INamedTypeSymbol> rest)
    {
        yield return first;
        foreach (INamedTypeSymbol type in rest)
        {
            yield return type;
        }
    }


    private KeyValuePair<ITypeSymbol, ITypeSymbol>? DictionaryTypes(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in Prepend(type, type.AllInterfaces))
        {
            if (Is(candidate.OriginalDefinition, _symbols.DictionaryOfKV) || Is(candidate.OriginalDefinition, _symbols.ReadOnlyDictionaryOfKV))
            {
                return new KeyValuePair<ITypeSymbol, ITypeSymbol>(candidate.TypeArguments[0], candidate.TypeArguments[1]);
            }
        }

        return null;
    }

    private ITypeSymbol? ElementType(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        foreach (INamedTypeSymbol candidate in Prepend(type, type.AllInterfaces))
        {
            if (Is(candidate.OriginalDefinition, _symbols.EnumerableOfT) || Is(candidate.OriginalDefinition, _symbols.AsyncEnumerableOfT))
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>An array or list of items (not text, binary data or a dictionary), whose declared minimum is a count of items.</summary>
    private bool IsCollectionOfItems(ITypeSymbol type) =>
        !IsBinary(type)
        && (type is IArrayTypeSymbol { Rank: 1 } || (type is INamedTypeSymbol named && DictionaryTypes(named) is null && ElementType(named) is not null));

    private bool IsBinary(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
        || (type is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_Byte }] } named
            && (Is(named.OriginalDefinition, _symbols.MemoryOfT) || Is(named.OriginalDefinition, _symbols.ReadOnlyMemoryOfT)));

    private static bool IsNumber(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double;

    /// <summary>
    /// Types whose JSON the model does not know: framework, AWS SDK, ASP.NET and Newtonsoft types outside the table above.
    /// No symbol stands for "every framework type", so the root namespace decides; user types are never in these.
    /// </summary>
    private static bool IsFrameworkOrSdkType(INamedTypeSymbol type)
    {
        INamespaceSymbol? ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name is "System" or "Microsoft" or "Amazon" or "Newtonsoft";
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns && type.ContainingType is null
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? a, ITypeSymbol? b) => a is not null && SymbolEqualityComparer.Default.Equals(a, b);

    private static bool Dominates(SizeEstimate candidate, SizeEstimate current) =>
        candidate.Kind > current.Kind || (candidate.Kind == current.Kind && candidate.Range.Max > current.Range.Max);

    private static GrowthKind Max(GrowthKind a, GrowthKind b) => a > b ? a : b;

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The types on the current path of one estimate, to cut cycles.</summary>
    private sealed class Walk
    {
        private readonly HashSet<ITypeSymbol> _path = new(SymbolEqualityComparer.Default);

        public int CycleCuts { get; set; }

        public Dictionary<ITypeSymbol, SizeEstimate> Memo { get; } = new(SymbolEqualityComparer.Default);

        public bool Enter(ITypeSymbol type) => type.IsValueType && type.SpecialType != SpecialType.None || _path.Add(type);

        public void Leave(ITypeSymbol type) => _path.Remove(type);
    }
}

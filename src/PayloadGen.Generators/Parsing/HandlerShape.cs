using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// The one verdict on a <c>[ClaimCheck]</c> method: what a wrapper would be built from, and every reason none can
/// be. The generator writes a wrapper exactly when <see cref="CanWrap"/>; the usage analyzers report every
/// <see cref="Refusals"/> entry. Parser-internal, so it may hold symbols; it never enters the incremental model.
/// </summary>
internal sealed class HandlerShape
{
    public HandlerShape(
        IMethodSymbol method,
        ClaimCheckAttributeValues attribute,
        EquatableArray<ContainingTypeSpec> containingTypes,
        HandlerSignature? signature,
        ConfigurationMember runtime,
        ConfigurationMember jsonOptions,
        IReadOnlyList<Refusal> refusals,
        HandlerSource source)
    {
        Source = source;
        Method = method;
        Attribute = attribute;
        ContainingTypes = containingTypes;
        Signature = signature;
        Runtime = runtime;
        JsonOptions = jsonOptions;
        Refusals = refusals;
    }

    /// <summary>
    /// The verdict on a method no signature is read from (Lambda cannot name it as a handler): its attribute and why
    /// it cannot be wrapped, serving the attribute's source.
    /// </summary>
    public static HandlerShape WithoutSignature(IMethodSymbol method, ClaimCheckAttributeValues attribute, IReadOnlyList<Refusal> refusals)
        => new(method, attribute, EquatableArray<ContainingTypeSpec>.Empty, signature: null, runtime: default, jsonOptions: default, refusals, attribute.Source);

    /// <summary>The method carrying the attribute.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The attribute's values, as far as they could be read.</summary>
    public ClaimCheckAttributeValues Attribute { get; }

    /// <summary>The enclosing types, outermost first (empty when the method is outside any type).</summary>
    public EquatableArray<ContainingTypeSpec> ContainingTypes { get; }

    /// <summary>The signature, or <see langword="null"/> when the method is not one a signature can be read from.</summary>
    public HandlerSignature? Signature { get; }

    /// <summary>
    /// The source the wrapper serves: the attribute's, or the HTTP source a proxy response type implies when the
    /// attribute leaves <c>Source</c> unset.
    /// </summary>
    public HandlerSource Source { get; }

    /// <summary>Whether the wrapper speaks HTTP (redirects large bodies) rather than the pointer format.</summary>
    public bool IsHttp => HttpHandlerShape.IsHttp(Source);

    /// <summary>The type's <c>ClaimCheckRuntime</c> member, as the wrapper reads it (or why it cannot).</summary>
    public ConfigurationMember Runtime { get; }

    /// <summary>
    /// The type's <c>ClaimCheckJsonOptions</c> member, as the wrapper reads it (or why it cannot); never looked up when
    /// <c>JsonContext</c> is set, which takes precedence.
    /// </summary>
    public ConfigurationMember JsonOptions { get; }

    /// <summary>Every reason no wrapper can be written; empty when one can.</summary>
    public IReadOnlyList<Refusal> Refusals { get; }

    /// <summary>Whether a wrapper can be written.</summary>
    public bool CanWrap => Refusals.Count == 0;
}

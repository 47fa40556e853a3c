using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Decides whether a <c>[ClaimCheck]</c> method can be wrapped. The generator's parser and the usage analyzers both
/// call this, so a method the generator skips is, by construction, one an analyzer reports.
/// </summary>
internal static class HandlerShapeReader
{
    /// <summary>Reads <paramref name="method"/> of <paramref name="compilation"/> under <paramref name="attribute"/> (its <c>[ClaimCheck]</c>).</summary>
    public static HandlerShape Read(Compilation compilation, IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
    {
        var refusals = new List<Refusal>();
        ClaimCheckAttributeValues values = ClaimCheckAttributeValues.Read(attribute, refusals);

        // Nothing else can be said of a method Lambda cannot name: its name, type and signature are not a handler's.
        if (method.MethodKind != MethodKind.Ordinary)
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.NotAnOrdinaryMethod, string.Empty, MethodKindText(method.MethodKind)));
            return HandlerShape.WithoutSignature(method, values, refusals);
        }

        if (ContainingTypesReader.IsOutsideAnyType(method))
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.MethodOutsideType));
            return HandlerShape.WithoutSignature(method, values, refusals);
        }

        if (ContainingTypesReader.FirstUnsupportedKind(method) is { } enclosing)
        {
            string where = enclosing.TypeKind == TypeKind.Extension ? "a member of an extension block" : "a member of a " + enclosing.TypeKind.ToString().ToLowerInvariant();
            refusals.Add(Refusal.AtMethod(RefusalReason.NotAnOrdinaryMethod, string.Empty, where));
            return HandlerShape.WithoutSignature(method, values, refusals);
        }

        // A static abstract or virtual interface member can only be called through a type parameter, which a wrapper
        // in the interface does not have.
        if (method.IsStatic && (method.IsAbstract || method.IsVirtual))
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.StaticAbstractInterfaceMember, method.ContainingType.Name, method.IsAbstract ? "abstract" : "virtual"));
        }

        if (CallsAreRemoved(method) is { } removed)
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.CallsRemovedByCompiler, removed.Why, removed.Fix));
        }

        if (method.IsGenericMethod)
        {
            refusals.Add(Refusal.AtMethod(RefusalReason.GenericMethod));
        }

        EquatableArray<ContainingTypeSpec> containingTypes = ContainingTypesReader.Read(method.ContainingType, refusals, cancellationToken);
        HandlerSignature signature = SignatureReader.Read(method, refusals);
        if (values.SourceIsKnown)
        {
            SourceSignatureRules.Check(values.Source, method, signature, refusals);
        }

        HandlerSource source = values.SourceIsKnown ? HttpHandlerShape.Check(values, method, signature, refusals) : values.Source;

        cancellationToken.ThrowIfCancellationRequested();
        if (attribute.AttributeClass is { } attributeType)
        {
            WrapperNameCollisions.Find(method, attributeType, refusals);
        }

        ConfigurationMember runtime = ConfigurationMembers.Runtime(compilation, method.ContainingType, staticWrapper: method.IsStatic);
        ConfigurationMember jsonOptions = values.SetsJsonContext ? default : ConfigurationMembers.JsonOptions(compilation, method.ContainingType);
        return new HandlerShape(method, values, containingTypes, signature, runtime, jsonOptions, refusals, source);
    }

    /// <summary>
    /// Why the compiler removes calls to <paramref name="method"/> and what to do about it, or <see langword="null"/>
    /// when it keeps them.
    /// </summary>
    private static (string Why, string Fix)? CallsAreRemoved(IMethodSymbol method)
    {
        if (method.IsPartialDefinition && method.PartialImplementationPart is null)
        {
            return ("it is a partial method without an implementation", "implement it");
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, KnownTypeNames.ConditionalAttribute))
            {
                return ("it is [Conditional]", "remove [Conditional]");
            }
        }

        return null;
    }

    private static string MethodKindText(MethodKind kind) => kind switch
    {
        MethodKind.LocalFunction => "a local function",
        MethodKind.AnonymousFunction => "a lambda",
        MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "an accessor",
        MethodKind.ExplicitInterfaceImplementation => "an explicit interface implementation",
        MethodKind.UserDefinedOperator or MethodKind.Conversion => "an operator",
        MethodKind.Destructor => "a finalizer",
        _ => "not an ordinary method",
    };
}

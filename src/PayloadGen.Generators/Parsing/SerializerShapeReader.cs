using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Decides whether a <c>[ClaimCheckSerializer]</c> class can become a Lambda serializer. The generator and
/// <c>ClaimCheckSerializerAnalyzer</c> both call this, so a class the generator skips is one the analyzer reports.
/// </summary>
internal static class SerializerShapeReader
{
    /// <summary>The members the generator adds, which the class must not declare itself.</summary>
    public const string DeserializeMember = "Deserialize";
    public const string SerializeMember = "Serialize";

    /// <summary>Reads <paramref name="type"/> of <paramref name="compilation"/> under <paramref name="attribute"/> (its <c>[ClaimCheckSerializer]</c>).</summary>
    public static SerializerShape Read(Compilation compilation, INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var refusals = new List<SerializerRefusal>();
        if (compilation.GetTypeByMetadataName(KnownTypeNames.LambdaSerializer) is null)
        {
            refusals.Add(new SerializerRefusal(SerializerRefusalReason.NoLambdaSerializerInterface, string.Empty));
        }

        if (!ContainingTypesReader.IsPartial(type, cancellationToken))
        {
            refusals.Add(new SerializerRefusal(SerializerRefusalReason.NotPartial, type.Name));
        }

        if (type.ContainingType is not null)
        {
            refusals.Add(new SerializerRefusal(SerializerRefusalReason.NestedType, type.ContainingType.Name));
        }

        if (type.IsGenericType)
        {
            refusals.Add(new SerializerRefusal(SerializerRefusalReason.GenericType, type.Name));
        }

        if (type.IsStatic || type.IsAbstract)
        {
            refusals.Add(new SerializerRefusal(SerializerRefusalReason.NotInstantiable, type.IsStatic ? "static" : "abstract"));
        }

        bool declaresParameterless = false;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            // The generator's own members (seen by the analyzer, which runs after it) are not the user's.
            if (constructor.IsImplicitlyDeclared || ClaimCheckMarker.IsGenerated(constructor))
            {
                continue;
            }

            if (constructor.Parameters.Length == 0)
            {
                declaresParameterless = true;
                if (constructor.DeclaredAccessibility != Accessibility.Public)
                {
                    refusals.Add(new SerializerRefusal(SerializerRefusalReason.ParameterlessConstructorNotPublic, SyntaxFacts(constructor.DeclaredAccessibility)));
                }
            }
            else if (constructor.Parameters.Length == 1 && SymbolNames.Is(constructor.Parameters[0].Type, KnownTypeNames.ClaimCheckRuntime))
            {
                refusals.Add(new SerializerRefusal(SerializerRefusalReason.GeneratedMemberTaken, type.Name + "(ClaimCheckRuntime)"));
            }
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (member.Name is DeserializeMember or SerializeMember && !member.IsImplicitlyDeclared && !ClaimCheckMarker.IsGenerated(member))
            {
                refusals.Add(new SerializerRefusal(SerializerRefusalReason.GeneratedMemberTaken, member.Name));
            }
        }

        string? jsonContext = ReadJsonContext(attribute, refusals);
        cancellationToken.ThrowIfCancellationRequested();
        if (refusals.Count > 0)
        {
            return new SerializerShape(null, refusals);
        }

        var spec = new SerializerSpec(
            SymbolNames.NamespaceDeclaration(type.ContainingNamespace),
            SymbolNames.Identifier(type.Name),
            HandlerParser.HandlerTypeName(type),
            jsonContext,
            AddsParameterlessConstructor: !declaresParameterless,
            DisambiguateFileName: FileNameCollisions.Exist(type));
        return new SerializerShape(spec, refusals);
    }

    private static string? ReadJsonContext(AttributeData attribute, List<SerializerRefusal> refusals)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key != ClaimCheckAttributeValues.JsonContextArgument || argument.Value.Value is not ITypeSymbol type)
            {
                continue;
            }

            if (ClaimCheckAttributeValues.AsJsonContext(type) is { } context)
            {
                return SymbolNames.FullyQualifiedWithoutAnnotation(context);
            }

            refusals.Add(new SerializerRefusal(SerializerRefusalReason.InvalidJsonContext, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), AtJsonContextArgument: true));
        }

        return null;
    }

    private static string SyntaxFacts(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not public",
    };
}

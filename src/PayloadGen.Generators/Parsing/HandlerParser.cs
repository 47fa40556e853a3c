using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Turns one <c>[ClaimCheck]</c> method into a <see cref="HandlerSpec"/>, or nothing when no wrapper can be written
/// for it. Invalid handlers are skipped silently: the analyzers report them with a message that says what to do,
/// and a generator diagnostic would only repeat it.
/// </summary>
internal static class HandlerParser
{
    /// <summary>The transform of the attribute lookup. Runs on every compilation change, so it stays cheap.</summary>
    public static HandlerSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.TargetNode is not MethodDeclarationSyntax declaration
            || context.Attributes.Length != 1
            || context.Attributes[0].AttributeClass is not INamedTypeSymbol attributeType
            || !ClaimCheckAttributeValues.TryRead(context.Attributes[0], out ClaimCheckAttributeValues attribute))
        {
            return null;
        }

        // A static abstract or virtual interface member can only be called through a type parameter, which a
        // wrapper in the interface does not have.
        if (method.IsStatic && (method.IsAbstract || method.IsVirtual))
        {
            return null;
        }

        INamedTypeSymbol type = method.ContainingType;
        // A method outside any type (broken or top-level code) belongs to a compiler-made type such as
        // <invalid-global-code>, which no wrapper can be declared in and no handler string can name.
        for (INamedTypeSymbol? enclosing = type; enclosing is not null; enclosing = enclosing.ContainingType)
        {
            if (enclosing.IsImplicitlyDeclared || !enclosing.CanBeReferencedByName)
            {
                return null;
            }
        }

        if (ContainingTypesReader.Read(declaration, type) is not { } containingTypes)
        {
            return null;
        }

        if (SignatureReader.Read(method) is not { } signature || !SourceSignatureRules.Allow(attribute.Source, signature))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (WrapperNameCollisions.Exist(method, attributeType))
        {
            return null;
        }

        Compilation compilation = context.SemanticModel.Compilation;
        string typeName = type.ToDisplayString(SymbolNames.FullyQualified);
        if (ReadJsonMetadata(compilation, type, typeName, attribute) is not { } json)
        {
            return null;
        }

        bool allowBarePointer = signature.RequestType is { } requestType
            && BarePointerShape.IsUnambiguous(requestType, compilation, cancellationToken);

        return new HandlerSpec(
            Namespace: SymbolNames.NamespaceDeclaration(type.ContainingNamespace),
            ContainingTypes: containingTypes,
            ContainingTypeName: typeName,
            HandlerTypeName: HandlerTypeName(type),
            MethodName: SymbolNames.Identifier(method.Name),
            MethodMetadataName: method.Name,
            IsStatic: method.IsStatic,
            Source: attribute.Source,
            InlineThresholdBytes: attribute.InlineThresholdBytes,
            MaxConcurrency: attribute.Source is HandlerSource.Sqs or HandlerSource.Sns ? attribute.MaxConcurrency : 0,
            Parameters: signature.Parameters,
            Request: ToSpec(signature.RequestType),
            AllowBarePointer: allowBarePointer,
            ReturnShape: signature.ReturnShape,
            Response: ToSpec(signature.ResponseType),
            Json: json,
            RuntimeMemberExpression: ConfigurationMembers.RuntimeExpression(compilation, type, typeName, method.IsStatic),
            DisambiguateFileName: FileNameCollisions.Exist(method, attributeType));
    }

    private static JsonMetadataSpec? ReadJsonMetadata(Compilation compilation, INamedTypeSymbol type, string typeName, ClaimCheckAttributeValues attribute)
    {
        if (attribute.JsonContext is { } context)
        {
            // The context's Default property comes from the System.Text.Json generator, whose output this generator
            // cannot see; the base type is the part that can be checked.
            return context is INamedTypeSymbol { TypeParameters.Length: 0, IsAbstract: false } named && DerivesFromJsonContext(named)
                ? new JsonMetadataSpec(JsonMetadataKind.Context, named.ToDisplayString(SymbolNames.FullyQualified))
                : null;
        }

        return ConfigurationMembers.JsonOptionsExpression(compilation, type, typeName) is { } options
            ? new JsonMetadataSpec(JsonMetadataKind.Options, options)
            : JsonMetadataSpec.LambdaDefault;
    }

    private static bool DerivesFromJsonContext(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolNames.Is(current, KnownTypeNames.JsonSerializerContext))
            {
                return true;
            }
        }

        return false;
    }

    private static PayloadTypeSpec? ToSpec(ITypeSymbol? type) => type is null
        ? null
        : new PayloadTypeSpec(
            SymbolNames.FullyQualifiedWithoutAnnotation(type),
            type.IsValueType,
            !type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated);

    /// <summary>The runtime name Lambda resolves: namespace, then nested types joined by <c>+</c>.</summary>
    private static string HandlerTypeName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        string ns = SymbolNames.NamespaceMetadataName(type.ContainingNamespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}

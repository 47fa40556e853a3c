using System.Threading;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Turns one <c>[ClaimCheck]</c> method into a <see cref="HandlerSpec"/>, or nothing when <see cref="HandlerShapeReader"/>
/// refuses it. The generator reports nothing itself: the analyzers report each refusal of the same reader, with a
/// message that says what to change, and stay suppressible with <c>#pragma</c>.
/// </summary>
internal static class HandlerParser
{
    /// <summary>The transform of the attribute lookup. Runs on every compilation change, so it stays cheap.</summary>
    public static HandlerSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.IsEmpty)
        {
            return null;
        }

        HandlerShape shape = HandlerShapeReader.Read(context.SemanticModel.Compilation, method, context.Attributes[0], cancellationToken);
        if (!shape.CanWrap || shape.Signature is not { } signature || context.Attributes[0].AttributeClass is not { } attributeType)
        {
            return null;
        }

        INamedTypeSymbol type = method.ContainingType;
        string typeName = type.ToDisplayString(SymbolNames.FullyQualified);
        ClaimCheckAttributeValues attribute = shape.Attribute;
        // API Gateway and ALB build an HTTP handler's event themselves; only its body can be a pointer (an upload).
        // A sequence's JSON is an array, which the bare {"bucket":…,"key":…} object can never be.
        bool allowBarePointer = !shape.IsHttp
            && (signature.RequestItemType is not null
                || (signature.RequestType is { } requestType && BarePointerShape.IsUnambiguous(requestType, context.SemanticModel.Compilation, cancellationToken)));

        return new HandlerSpec(
            Namespace: SymbolNames.NamespaceDeclaration(type.ContainingNamespace),
            ContainingTypes: shape.ContainingTypes,
            ContainingTypeName: typeName,
            HandlerTypeName: HandlerTypeName(type),
            MethodName: SymbolNames.Identifier(method.Name),
            MethodMetadataName: method.Name,
            IsStatic: method.IsStatic,
            Source: shape.Source,
            InlineThresholdBytes: attribute.InlineThresholdBytes,
            MaxConcurrency: SourceSignatureRules.IsPerRecord(shape.Source) ? attribute.MaxConcurrency : 0,
            Parameters: signature.Parameters,
            Request: ToSpec(signature.RequestItemType ?? signature.RequestType),
            RequestIsSequence: signature.RequestItemType is not null,
            AllowBarePointer: allowBarePointer,
            ReturnShape: signature.ReturnShape,
            Response: ToSpec(signature.ResponseType),
            Json: JsonMetadata(shape),
            RuntimeMemberExpression: shape.Runtime.Expression,
            HttpAnswer: shape.IsHttp ? attribute.HttpAnswer : 0,
            PresignSeconds: shape.IsHttp ? attribute.PresignSeconds : 0,
            HydratesHttpRequestBody: shape.IsHttp && HttpHandlerShape.HasReplaceableBody(signature.RequestType),
            DisambiguateFileName: FileNameCollisions.Exist(method, attributeType));
    }

    private static JsonMetadataSpec JsonMetadata(HandlerShape shape)
    {
        if (shape.Attribute.JsonContext is { } context)
        {
            return new JsonMetadataSpec(JsonMetadataKind.Context, context.ToDisplayString(SymbolNames.FullyQualified));
        }

        return shape.JsonOptions.Expression is { } options
            ? new JsonMetadataSpec(JsonMetadataKind.Options, options)
            : JsonMetadataSpec.LambdaDefault;
    }

    private static PayloadTypeSpec? ToSpec(ITypeSymbol? type) => type is null
        ? null
        : new PayloadTypeSpec(
            // A dynamic payload or response is object to JSON, and must be object in the wrapper: every call taking a
            // dynamic local (RequirePayload, DehydrateAsync) is bound at run time to the value's runtime type, so a
            // JsonElement request broke RequirePayload's class constraint and failed every invocation. Object and
            // dynamic convert to each other implicitly, so the method is called and its result taken as before.
            type.TypeKind == TypeKind.Dynamic ? "object" : SymbolNames.FullyQualifiedWithoutAnnotation(type),
            type.IsValueType,
            !type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated);

    /// <summary>The runtime name Lambda resolves: namespace, then nested types joined by <c>+</c>.</summary>
    public static string HandlerTypeName(INamedTypeSymbol type)
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

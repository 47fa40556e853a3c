namespace PayloadGen.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one handler's wrapper. Strings, booleans, enums and
/// <see cref="EquatableArray{T}"/> only: never a symbol, syntax node, location or compilation, so that equal
/// handlers compare equal across compilations and the pipeline stays cached.
/// </summary>
/// <param name="Namespace">The containing namespace (<c>Demo.Reports</c>), or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first; the last one declares the handler.</param>
/// <param name="ContainingTypeName">The <c>global::</c>-qualified name of the declaring type, for static member access.</param>
/// <param name="HandlerTypeName">The declaring type's runtime name (<c>Demo.Outer+Inner</c>), as Lambda handler strings write it.</param>
/// <param name="MethodName">The user's method name as an identifier (escaped when it is a keyword).</param>
/// <param name="MethodMetadataName">The user's method name as written to files and generated member names.</param>
/// <param name="IsStatic">Whether the user's method, and so the wrapper, is static.</param>
/// <param name="Source">How the handler is invoked.</param>
/// <param name="InlineThresholdBytes">The attribute's threshold; zero takes the runtime's default.</param>
/// <param name="MaxConcurrency">
/// For SQS and SNS sources, the attribute's <c>MaxConcurrency</c>; zero takes the runtime's default. Always zero for
/// the other sources, which have no batch, so that changing it there regenerates nothing.
/// </param>
/// <param name="Parameters">What to pass for each of the user's parameters, in order.</param>
/// <param name="Request">The payload parameter's type, or <see langword="null"/> when the method takes none.</param>
/// <param name="AllowBarePointer">Whether a bare <c>{"bucket":…,"key":…}</c> request is a pointer (the request type cannot have that shape).</param>
/// <param name="ReturnShape">How the user's method returns.</param>
/// <param name="Response">The response type, or <see langword="null"/> for <c>Task</c>, <c>ValueTask</c> and <c>void</c>.</param>
/// <param name="Json">Where JSON metadata comes from.</param>
/// <param name="RuntimeMemberExpression">
/// The expression reading the containing type's <c>ClaimCheckRuntime</c> member, or <see langword="null"/> to use
/// <c>ClaimCheckRuntime.Default</c>.
/// </param>
/// <param name="HttpAnswer">HTTP sources: the attribute's <c>HttpAnswer</c> value (zero: configuration decides); zero otherwise.</param>
/// <param name="PresignSeconds">HTTP sources: the attribute's <c>PresignSeconds</c> (zero: configuration decides); zero otherwise.</param>
/// <param name="HydratesHttpRequestBody">
/// HTTP sources: whether the request is a proxy request whose <c>Body</c> may be an upload slot's pointer, replaced by
/// the stored content before the method runs.
/// </param>
/// <param name="DisambiguateFileName">
/// Whether another handler's file name differs from this one's only in case, so the name needs a suffix to be unique.
/// </param>
internal sealed record HandlerSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ContainingTypeName,
    string HandlerTypeName,
    string MethodName,
    string MethodMetadataName,
    bool IsStatic,
    HandlerSource Source,
    long InlineThresholdBytes,
    int MaxConcurrency,
    EquatableArray<HandlerParameter> Parameters,
    PayloadTypeSpec? Request,
    bool AllowBarePointer,
    ReturnShape ReturnShape,
    PayloadTypeSpec? Response,
    JsonMetadataSpec Json,
    string? RuntimeMemberExpression,
    int HttpAnswer,
    int PresignSeconds,
    bool HydratesHttpRequestBody,
    bool DisambiguateFileName)
{
    /// <summary>The generated wrapper method's name.</summary>
    public string WrapperName => GeneratedNames.Wrapper(MethodMetadataName);

    /// <summary>The generated constant holding the wrapper's Lambda handler string.</summary>
    public string HandlerConstantName => GeneratedNames.HandlerConstant(MethodMetadataName);

    /// <summary>The generated field caching the request's JSON metadata.</summary>
    public string RequestTypeInfoField => GeneratedNames.RequestTypeInfoField(MethodMetadataName);

    /// <summary>The generated field caching the response's JSON metadata.</summary>
    public string ResponseTypeInfoField => GeneratedNames.ResponseTypeInfoField(MethodMetadataName);

    /// <summary>Whether the wrapper speaks HTTP: it answers a redirect to a stored body instead of a pointer.</summary>
    public bool IsHttp => Source is HandlerSource.ApiGatewayRest or HandlerSource.ApiGatewayHttp or HandlerSource.FunctionUrl or HandlerSource.ApplicationLoadBalancer;

    /// <summary>Whether the user's method takes an <c>ILambdaContext</c>, which the wrapper must then receive.</summary>
    public bool TakesLambdaContext
    {
        get
        {
            foreach (HandlerParameter parameter in Parameters)
            {
                if (parameter.Role == ParameterRole.LambdaContext)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

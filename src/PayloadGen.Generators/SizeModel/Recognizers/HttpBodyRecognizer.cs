using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// HTTP results whose body is data: ASP.NET Core's <c>Results</c>/<c>TypedResults</c> (<c>Ok(value)</c>,
/// <c>Json(data)</c>, <c>Text(content)</c>, <c>File(bytes)</c>), a controller's <c>Ok</c>/<c>File(bytes)</c>/<c>Content</c>,
/// and Amazon.Lambda.Annotations' <c>HttpResults</c>. The body argument is followed and, for serialized values, its type
/// recorded. A stream result is written as it is read and a redirect carries no data, so neither is followed.
/// </summary>
internal sealed class HttpBodyRecognizer : IInvocationRecognizer
{
    public bool Recognize(IInvocationOperation invocation, ValueTrace trace)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol? type = method.ContainingType;
        SizeSymbols symbols = trace.Symbols;
        if (SizeSymbols.Is(type, symbols.AnnotationsHttpResults))
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                IOperation body = OperationText.Unwrap(argument.Value);
                if (body.Type is { SpecialType: not SpecialType.System_String } bodyType && argument.Parameter?.Name == "body")
                {
                    trace.Findings.AddSerializedType(bodyType);
                }

                trace.Follow(body);
            }

            return true;
        }

        if (!(SizeSymbols.Is(type, symbols.AspNetResults)
            || SizeSymbols.Is(type, symbols.AspNetTypedResults)
            || SizeSymbols.Is(type, symbols.AspNetControllerBase)
            || SizeSymbols.Is(type, symbols.AspNetController)))
        {
            return false;
        }

        if (method.Name is "Stream" or "Redirect" or "LocalRedirect" or "NotFound" or "NoContent" or "StatusCode")
        {
            return true;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is not ("value" or "data" or "content" or "fileContents" or "contents" or "utf8Content"))
            {
                continue;
            }

            IOperation body = OperationText.Unwrap(argument.Value);
            if (body.Type is { SpecialType: not SpecialType.System_String } bodyType && argument.Parameter.Name is "value" or "data")
            {
                trace.Findings.AddSerializedType(bodyType);
            }

            trace.Follow(body);
        }

        return true;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PayloadGen.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Does what Amazon.Lambda.AspNetCoreServer does before the pipeline runs: keeps the Lambda request in
/// <c>HttpContext.Items["LambdaRequestObject"]</c>.
/// </summary>
internal static class LambdaHostSimulation
{
    public static void UseLambdaRequest(this WebApplication app, object lambdaRequest)
        => app.Use((HttpContext context, RequestDelegate next) =>
        {
            context.Items["LambdaRequestObject"] = lambdaRequest;
            return next(context);
        });
}

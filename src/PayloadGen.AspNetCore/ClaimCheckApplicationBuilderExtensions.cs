using System;
using PayloadGen.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the claim-check middleware to an ASP.NET Core pipeline.</summary>
public static class ClaimCheckApplicationBuilderExtensions
{
    /// <summary>
    /// Answers responses too large for the Lambda event source (API Gateway and function URLs 6 MB, ALB 1 MB) with a
    /// redirect to their body, stored in S3; smaller responses go out unchanged. Add it first, before anything that
    /// writes or compresses responses, so it measures the bytes that actually leave. Options:
    /// <c>services.AddClaimCheck(…)</c>.
    /// </summary>
    public static IApplicationBuilder UseClaimCheck(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<ClaimCheckMiddleware>();
    }
}

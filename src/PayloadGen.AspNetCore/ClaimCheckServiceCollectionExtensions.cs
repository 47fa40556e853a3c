using System;
using PayloadGen.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures <c>UseClaimCheck()</c>.</summary>
public static class ClaimCheckServiceCollectionExtensions
{
    /// <summary>Sets the options of the claim-check middleware; without this call it runs on the defaults.</summary>
    public static IServiceCollection AddClaimCheck(this IServiceCollection services, Action<ClaimCheckMiddlewareOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.Configure(configure);
    }
}

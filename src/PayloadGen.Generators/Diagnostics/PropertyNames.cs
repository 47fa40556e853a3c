namespace PayloadGen.Generators.Diagnostics;

/// <summary>Diagnostic property names shared with the code fixes.</summary>
public static class PropertyNames
{
    /// <summary>The PayloadSource member an added [ClaimCheck] should name; absent for the default.</summary>
    public const string PayloadSource = "PayloadSource";

    /// <summary>"true" when adding [ClaimCheck] is the fix; HTTP proxy handlers need paging or a URL instead.</summary>
    public const string CanClaimCheck = "CanClaimCheck";

    /// <summary>
    /// For a handler an executable binds with <c>LambdaBootstrapBuilder.Create</c>, which payloads a
    /// <c>[ClaimCheckSerializer]</c> passed to the bootstrap would offload (<c>Request</c>, <c>Response</c> or both,
    /// comma-separated); absent for a handler no bootstrap binds.
    /// </summary>
    public const string BootstrapSerializerCarries = "BootstrapSerializerCarries";
}

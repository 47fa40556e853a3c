using System.Collections.Immutable;

namespace PayloadGen.Generators.Diagnostics;

/// <summary>The option keys each rule reads, so a test can hold every rule page to documenting them.</summary>
public static class DocumentedOptions
{
    /// <summary>Build properties read by PG0005 (made visible by PayloadGen.props).</summary>
    public const string PublishAotProperty = "build_property.PublishAot";

    /// <summary>Build property read by PG0005 (made visible by PayloadGen.props).</summary>
    public const string IsAotCompatibleProperty = "build_property.IsAotCompatible";

    /// <summary>
    /// Build properties the generator reads rather than a rule (made visible by PayloadGen.props), documented in the
    /// README: whether the project exports its size evidence (<see cref="Parsing.SizeEvidenceExportSetting"/>).
    /// </summary>
    public static readonly ImmutableArray<string> GeneratorProperties = ImmutableArray.Create(
        Parsing.SizeEvidenceExportSetting.ExportProperty,
        Parsing.SizeEvidenceExportSetting.AwsProjectTypeProperty);

    /// <summary>Rule id → the option keys its analyzer reads.</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> ByRule = ImmutableDictionary.CreateRange(new[]
    {
        Entry(DiagnosticIds.JsonContextRequiredForAot, ImmutableArray.Create(PublishAotProperty, IsAotCompatibleProperty)),
        Entry(DiagnosticIds.ResponseLikelyExceedsLimit, SizeLimitOptions.AllKeys),
        Entry(DiagnosticIds.RequestLikelyExceedsLimit, SizeLimitOptions.AllKeys),
        Entry(DiagnosticIds.MessageLikelyExceedsLimit, SizeLimitOptions.AllKeys),
        Entry(DiagnosticIds.ResponseMayExceedLimit, SizeLimitOptions.AllKeys),
        Entry(DiagnosticIds.RequestMayExceedLimit, SizeLimitOptions.AllKeys),
        Entry(DiagnosticIds.MessageMayExceedLimit, SizeLimitOptions.AllKeys),
    });

    private static System.Collections.Generic.KeyValuePair<string, ImmutableArray<string>> Entry(string id, ImmutableArray<string> keys) =>
        new(id, keys);
}

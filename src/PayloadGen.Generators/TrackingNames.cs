namespace PayloadGen.Generators;

/// <summary>
/// Names of the generator's pipeline steps, so tests can assert that each one is cached after an unrelated edit.
/// </summary>
internal static class TrackingNames
{
    /// <summary>The <see cref="Model.HandlerSpec"/> of each valid <c>[ClaimCheck]</c> method.</summary>
    public const string Handlers = nameof(Handlers);

    /// <summary>The <see cref="Model.CompilationFacts"/> reduced from the compilation.</summary>
    public const string CompilationFacts = nameof(CompilationFacts);

    /// <summary>Each handler paired with the compilation facts: the emitter's input.</summary>
    public const string HandlersWithFacts = nameof(HandlersWithFacts);

    /// <summary>The <see cref="Model.SerializerSpec"/> of each valid <c>[ClaimCheckSerializer]</c> class.</summary>
    public const string Serializers = nameof(Serializers);

    /// <summary>Whether this project exports size evidence at all (<see cref="Parsing.SizeEvidenceExportSetting"/>).</summary>
    public const string SizeEvidenceExported = nameof(SizeEvidenceExported);

    /// <summary>The size evidence this assembly exports (<see cref="SizeModel.SummaryExport"/>).</summary>
    public const string SizeEvidence = nameof(SizeEvidence);
}

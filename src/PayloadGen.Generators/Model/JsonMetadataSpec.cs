namespace PayloadGen.Generators.Model;

/// <summary>The JSON metadata a handler's wrapper uses.</summary>
/// <param name="Kind">Where the metadata comes from.</param>
/// <param name="SourceExpression">
/// For <see cref="JsonMetadataKind.Context"/>, the context type (<c>global::Ns.MyContext</c>); for
/// <see cref="JsonMetadataKind.Options"/>, the expression reading the options member; otherwise <see langword="null"/>.
/// </param>
internal sealed record JsonMetadataSpec(JsonMetadataKind Kind, string? SourceExpression)
{
    public static JsonMetadataSpec LambdaDefault { get; } = new(JsonMetadataKind.LambdaDefault, null);
}

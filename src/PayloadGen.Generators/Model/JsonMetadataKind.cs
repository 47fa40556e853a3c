namespace PayloadGen.Generators.Model;

/// <summary>Where a handler's JSON metadata comes from, in order of precedence.</summary>
internal enum JsonMetadataKind
{
    /// <summary>A <c>JsonSerializerContext</c> named by <c>[ClaimCheck(JsonContext = …)]</c>: works under Native AOT.</summary>
    Context,

    /// <summary>A static <c>ClaimCheckJsonOptions</c> member of the containing type, through reflection.</summary>
    Options,

    /// <summary>Reflection over options matching Lambda's default serializer.</summary>
    LambdaDefault,
}

namespace PayloadGen.Generators.Model;

/// <summary>Everything the emitter needs to write one claim-check serializer; strings and bools only.</summary>
/// <param name="Namespace">The namespace to declare, or <see langword="null"/> for the global namespace.</param>
/// <param name="TypeName">The class's name as an identifier.</param>
/// <param name="MetadataName">The class's full metadata name, for the file's hint name.</param>
/// <param name="JsonContextTypeName">The <c>global::</c>-qualified <c>JsonSerializerContext</c>, or <see langword="null"/> for reflection metadata.</param>
/// <param name="AddsParameterlessConstructor">Whether the class declares no parameterless constructor, which the generator then adds (its runtime constructor would otherwise take the place of the implicit one).</param>
/// <param name="DisambiguateFileName">Whether another type's file name differs from this one's only in case, so the name needs a suffix to be unique.</param>
internal sealed record SerializerSpec(string? Namespace, string TypeName, string MetadataName, string? JsonContextTypeName, bool AddsParameterlessConstructor, bool DisambiguateFileName = false);

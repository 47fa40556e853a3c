using System.Collections.Generic;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>What <see cref="SerializerShapeReader"/> found: the spec to emit, or why there is none.</summary>
/// <param name="Spec">The serializer to generate; <see langword="null"/> when <paramref name="Refusals"/> is not empty.</param>
/// <param name="Refusals">Every reason the class gets no serializer, each reported by the usage analyzer.</param>
internal sealed record SerializerShape(SerializerSpec? Spec, IReadOnlyList<SerializerRefusal> Refusals);

namespace PayloadGen.Generators.Model;

/// <summary>A request or response type, carried as text so the model holds no symbol.</summary>
/// <param name="FullyQualifiedName">
/// The <c>global::</c>-qualified name without a top-level nullable annotation: the type argument of its
/// <c>JsonTypeInfo&lt;T&gt;</c>. Nested annotations are kept (<c>List&lt;string?&gt;</c>) so that passing the value on
/// raises no nullability warning.
/// </param>
/// <param name="IsValueType">
/// Whether the type is a value type, where <c>T?</c> would mean <c>Nullable&lt;T&gt;</c> rather than an annotation.
/// </param>
/// <param name="IsAnnotated">Whether the user wrote the reference type as nullable (<c>Report?</c>).</param>
internal sealed record PayloadTypeSpec(string FullyQualifiedName, bool IsValueType, bool IsAnnotated);

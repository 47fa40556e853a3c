namespace PayloadGen.Generators.Model;

/// <summary>A type enclosing a handler, re-declared as <c>partial</c> around the generated members.</summary>
/// <param name="Name">The name as it appears in source, escaped when it is a keyword (<c>@event</c>).</param>
/// <param name="MetadataName">The runtime name, used in the Lambda handler string and the file name.</param>
/// <param name="Kind">The declaration keyword.</param>
internal readonly record struct ContainingTypeSpec(string Name, string MetadataName, ContainingTypeKind Kind);

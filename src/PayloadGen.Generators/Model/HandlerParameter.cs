namespace PayloadGen.Generators.Model;

/// <summary>One parameter of the user's method, by what the wrapper passes for it.</summary>
/// <remarks>A record rather than the bare role, so that a role can carry more detail later without changing the model's shape.</remarks>
internal readonly record struct HandlerParameter(ParameterRole Role);

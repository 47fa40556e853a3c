namespace PayloadGen.Generators.Model;

/// <summary>One parameter of the user's method, by what the wrapper passes for it.</summary>
/// <remarks>A record rather than the bare role, so that queue sources can add per-message context here later.</remarks>
internal readonly record struct HandlerParameter(ParameterRole Role);

namespace PayloadGen.Generators.Model;

/// <summary>
/// The names of the members generated for a handler, in one place: the emitter writes them and the parser checks
/// that none of them already exists in the type, since a clash would break the user's build.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The wrapper method: <c>{Method}ClaimCheck</c>.</summary>
    public static string Wrapper(string methodName) => methodName + "ClaimCheck";

    /// <summary>The Lambda handler string constant: <c>{Method}ClaimCheckHandler</c>.</summary>
    public static string HandlerConstant(string methodName) => Wrapper(methodName) + "Handler";

    /// <summary>The cache of the request's JSON metadata; the <c>__</c> prefix keeps it clear of user names.</summary>
    public static string RequestTypeInfoField(string methodName) => "__" + methodName + "_RequestTypeInfo";

    /// <summary>The cache of the response's JSON metadata.</summary>
    public static string ResponseTypeInfoField(string methodName) => "__" + methodName + "_ResponseTypeInfo";

    /// <summary>Every member name generated for <paramref name="methodName"/>.</summary>
    public static string[] All(string methodName) =>
    [
        Wrapper(methodName),
        HandlerConstant(methodName),
        RequestTypeInfoField(methodName),
        ResponseTypeInfoField(methodName),
    ];
}

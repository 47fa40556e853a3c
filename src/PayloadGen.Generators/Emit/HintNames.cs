using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Emit;

/// <summary>The name of each generated file.</summary>
internal static class HintNames
{
    /// <summary>
    /// <c>{Namespace}.{Type}.{Method}.ClaimCheck.g.cs</c>, nested types joined by <c>+</c> as in the handler string,
    /// which keeps names unique: <c>A.B.C</c> (namespace <c>A.B</c>) and <c>A.B+C</c> (type <c>B.C</c>) differ.
    /// </summary>
    public static string Of(HandlerSpec handler) => handler.HandlerTypeName + "." + handler.MethodMetadataName + ".ClaimCheck.g.cs";
}

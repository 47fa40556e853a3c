using System.Globalization;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Emit;

/// <summary>The name of each generated file.</summary>
internal static class HintNames
{
    /// <summary>
    /// <c>{Namespace}.{Type}.{Method}.ClaimCheck.g.cs</c>, nested types joined by <c>+</c> as in the handler string,
    /// which keeps names unique: <c>A.B.C</c> (namespace <c>A.B</c>) and <c>A.B+C</c> (type <c>B.C</c>) differ. Names
    /// that another handler's differs from only in case get a hash of the exact name, since hint names (like file
    /// names) are compared without case.
    /// </summary>
    public static string Of(HandlerSpec handler)
    {
        string name = handler.HandlerTypeName + "." + handler.MethodMetadataName;
        return handler.DisambiguateFileName
            ? name + "." + StableHash(name).ToString("x8", CultureInfo.InvariantCulture) + ".ClaimCheck.g.cs"
            : name + ".ClaimCheck.g.cs";
    }

    /// <summary>
    /// <c>{Namespace}.{Type}.ClaimCheckSerializer.g.cs</c>; when another type's name differs only in case
    /// (<c>Demo.OrderSerializer</c> and <c>Demo.orderSerializer</c>), a hash of the exact name keeps it unique.
    /// </summary>
    public static string Of(SerializerSpec serializer) => serializer.DisambiguateFileName
        ? serializer.MetadataName + "." + StableHash(serializer.MetadataName).ToString("x8", CultureInfo.InvariantCulture) + ".ClaimCheckSerializer.g.cs"
        : serializer.MetadataName + ".ClaimCheckSerializer.g.cs";

    /// <summary>FNV-1a: the same on every machine and run, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}

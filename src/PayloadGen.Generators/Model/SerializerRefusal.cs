namespace PayloadGen.Generators.Model;

/// <summary>One reason a <c>[ClaimCheckSerializer]</c> class gets no generated serializer.</summary>
/// <param name="Reason">What is wrong.</param>
/// <param name="Detail">The member or type the reason names, or empty.</param>
/// <param name="AtJsonContextArgument">Whether the diagnostic belongs on the attribute's <c>JsonContext</c> argument rather than the class name.</param>
internal sealed record SerializerRefusal(SerializerRefusalReason Reason, string Detail, bool AtJsonContextArgument = false);

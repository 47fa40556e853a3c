namespace PayloadGen.Generators.Model;

/// <summary>
/// One reason the parser refuses to wrap a method, as data: no symbol, syntax or location, so the generator and the
/// analyzers can share it and tests can compare it.
/// </summary>
/// <param name="Reason">What is wrong.</param>
/// <param name="Site">Which part of the declaration it is about.</param>
/// <param name="SiteIndex">The parameter index, or the containing type's nesting depth; zero otherwise.</param>
/// <param name="Subject">
/// The name the message is about: the parameter, the type, the generated member, the attribute argument.
/// </param>
/// <param name="Detail">What the message adds about it (the modifier, the clashing member, the other payload).</param>
internal readonly record struct Refusal(RefusalReason Reason, RefusalSite Site, int SiteIndex, string Subject, string Detail)
{
    /// <summary>A refusal about the method's name.</summary>
    public static Refusal AtMethod(RefusalReason reason, string subject = "", string detail = "")
        => new(reason, RefusalSite.MethodName, 0, subject, detail);

    /// <summary>A refusal about the parameter at <paramref name="index"/>.</summary>
    public static Refusal AtParameter(RefusalReason reason, int index, string name, string detail = "")
        => new(reason, RefusalSite.Parameter, index, name, detail);

    /// <summary>A refusal about the return type.</summary>
    public static Refusal AtReturn(RefusalReason reason, string type, string detail = "")
        => new(reason, RefusalSite.ReturnType, 0, type, detail);

    /// <summary>A refusal about the attribute argument <paramref name="argument"/>.</summary>
    public static Refusal AtArgument(RefusalReason reason, string argument, string detail)
        => new(reason, RefusalSite.AttributeArgument, 0, argument, detail);
}

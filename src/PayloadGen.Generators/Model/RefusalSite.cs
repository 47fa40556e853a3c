namespace PayloadGen.Generators.Model;

/// <summary>
/// Which part of the declaration a <see cref="Refusal"/> is about, so an analyzer can report it where the user
/// must change something without the model holding a location.
/// </summary>
internal enum RefusalSite
{
    /// <summary>The method's name.</summary>
    MethodName,

    /// <summary>The parameter at <see cref="Refusal.SiteIndex"/>.</summary>
    Parameter,

    /// <summary>The return type.</summary>
    ReturnType,

    /// <summary>The attribute argument named by <see cref="Refusal.Subject"/> (<c>Source</c>, <c>JsonContext</c>).</summary>
    AttributeArgument,

    /// <summary>The type <see cref="Refusal.SiteIndex"/> levels out from the declaring type (0 is the declaring type).</summary>
    ContainingType,
}

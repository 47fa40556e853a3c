using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// Finds the members by which a handler's class configures its wrappers: a <c>ClaimCheckRuntime</c> field or property
/// (how tests and DI inject a store) and a static <c>ClaimCheckJsonOptions</c>. Declared or inherited; the nearest
/// member of that name wins, as it does in C# name lookup.
/// </summary>
internal static class ConfigurationMembers
{
    /// <summary>
    /// The class's <c>ClaimCheckRuntime</c> member as the wrapper reads it: of type <c>PayloadGen.ClaimCheckRuntime</c>,
    /// readable from the wrapper, and static when the wrapper is.
    /// </summary>
    public static ConfigurationMember Runtime(Compilation compilation, INamedTypeSymbol type, bool staticWrapper)
    {
        (ISymbol? member, ConfigurationProblem problem) = Find(compilation, type, KnownTypeNames.RuntimeMember, KnownTypeNames.ClaimCheckRuntime, mustBeStatic: staticWrapper);
        if (member is null || problem != ConfigurationProblem.None)
        {
            return new ConfigurationMember(null, member, problem);
        }

        string expression = member.IsStatic
            ? type.ToDisplayString(SymbolNames.FullyQualified) + "." + KnownTypeNames.RuntimeMember
            : "this." + KnownTypeNames.RuntimeMember;
        return new ConfigurationMember(expression, member, ConfigurationProblem.None);
    }

    /// <summary>The class's static <c>ClaimCheckJsonOptions</c> of type <c>JsonSerializerOptions</c>, as the wrapper reads it.</summary>
    public static ConfigurationMember JsonOptions(Compilation compilation, INamedTypeSymbol type)
    {
        // The wrapper caches the JSON metadata in static fields, so the options must not depend on an instance.
        (ISymbol? member, ConfigurationProblem problem) = Find(compilation, type, KnownTypeNames.JsonOptionsMember, KnownTypeNames.JsonSerializerOptions, mustBeStatic: true);
        return member is null || problem != ConfigurationProblem.None
            ? new ConfigurationMember(null, member, problem)
            : new ConfigurationMember(type.ToDisplayString(SymbolNames.FullyQualified) + "." + KnownTypeNames.JsonOptionsMember, member, ConfigurationProblem.None);
    }

    private static (ISymbol? Member, ConfigurationProblem Problem) Find(Compilation compilation, INamedTypeSymbol type, string name, string typeMetadataName, bool mustBeStatic)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers(name))
            {
                // The nearest member of the name hides any further up, so the search ends here either way.
                return (member, ProblemOf(compilation, type, member, typeMetadataName, mustBeStatic));
            }
        }

        return (null, ConfigurationProblem.None);
    }

    private static ConfigurationProblem ProblemOf(Compilation compilation, INamedTypeSymbol type, ISymbol member, string typeMetadataName, bool mustBeStatic)
    {
        ITypeSymbol? memberType;
        switch (member)
        {
            case IFieldSymbol field:
                memberType = field.Type;
                break;
            case IPropertySymbol { IsIndexer: false, GetMethod: { } getter } property:
                if (!compilation.IsSymbolAccessibleWithin(getter, type))
                {
                    return ConfigurationProblem.Inaccessible;
                }

                memberType = property.Type;
                break;
            default:
                return ConfigurationProblem.NotReadable;
        }

        if (!compilation.IsSymbolAccessibleWithin(member, type))
        {
            return ConfigurationProblem.Inaccessible;
        }

        if (!SymbolNames.Is(memberType, typeMetadataName))
        {
            return ConfigurationProblem.WrongType;
        }

        return mustBeStatic && !member.IsStatic ? ConfigurationProblem.NotStatic : ConfigurationProblem.None;
    }
}

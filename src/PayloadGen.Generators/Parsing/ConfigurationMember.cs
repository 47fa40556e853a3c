using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>
/// What a handler's type offers the wrapper under one configuration name: the expression the wrapper reads, or the
/// member of that name it cannot use and why (reported, since ignoring it silently would, say, send a test's
/// injected store's payloads to the default S3 bucket).
/// </summary>
internal readonly struct ConfigurationMember
{
    public ConfigurationMember(string? expression, ISymbol? member, ConfigurationProblem problem)
    {
        Expression = expression;
        Member = member;
        Problem = problem;
    }

    /// <summary>The expression the wrapper reads, or <see langword="null"/> when it uses its default.</summary>
    public string? Expression { get; }

    /// <summary>The member found under the name, used or not; <see langword="null"/> when there is none.</summary>
    public ISymbol? Member { get; }

    /// <summary>Why <see cref="Member"/> is not used; <see cref="ConfigurationProblem.None"/> when it is or there is none.</summary>
    public ConfigurationProblem Problem { get; }
}

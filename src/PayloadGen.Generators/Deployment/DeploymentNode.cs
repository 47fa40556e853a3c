using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PayloadGen.Generators.Deployment;

/// <summary>
/// The little of a JSON or YAML document the analyzers need: mappings and scalars, each scalar with the span of
/// its text in the file so a diagnostic can point at it. Sequences are kept as opaque nodes.
/// </summary>
internal sealed class DeploymentNode
{
    private readonly List<KeyValuePair<string, DeploymentNode>> _members = new();

    public DeploymentNode(string? scalar = null, TextSpan span = default)
    {
        Scalar = scalar;
        Span = span;
    }

    /// <summary>The scalar's text, unquoted; null for a mapping or a sequence.</summary>
    public string? Scalar { get; }

    /// <summary>Where the scalar's text (inside any quotes) is in the file.</summary>
    public TextSpan Span { get; }

    public IReadOnlyList<KeyValuePair<string, DeploymentNode>> Members => _members;

    public void Add(string key, DeploymentNode value) => _members.Add(new KeyValuePair<string, DeploymentNode>(key, value));

    /// <summary>The member named <paramref name="key"/> (case-insensitive, as CloudFormation is forgiving of neither but users are).</summary>
    public DeploymentNode? Get(string key)
    {
        foreach (KeyValuePair<string, DeploymentNode> member in _members)
        {
            if (string.Equals(member.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return null;
    }
}

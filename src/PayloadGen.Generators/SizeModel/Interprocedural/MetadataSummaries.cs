using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Summaries of methods in referenced assemblies, read from the <c>[assembly: PayloadGen.SizeEvidence(…)]</c>
/// attributes PayloadGen's generator wrote when that library was built (see <see cref="SummaryExport"/>). Each
/// assembly's attributes are read once per compilation: evidence, bounds, and the parameters that flow into (or are
/// serialized into) a result.
/// Attributes in a shape this version does not know are skipped.
/// </summary>
internal sealed class MetadataSummaries
{
    private readonly SizeSymbols _symbols;
    private readonly ConcurrentDictionary<IAssemblySymbol, Dictionary<string, FlowFindings>> _perAssembly = new(SymbolEqualityComparer.Default);

    public MetadataSummaries(SizeSymbols symbols) => _symbols = symbols;

    /// <summary>The exported summary of <paramref name="method"/>, or null when its assembly exported none for it.</summary>
    public FlowFindings? Find(IMethodSymbol method)
    {
        if (_symbols.SizeEvidenceAttribute is null
            || method.ContainingAssembly is not { } assembly
            || method.GetDocumentationCommentId() is not { } id)
        {
            return null;
        }

        return _perAssembly.GetOrAdd(assembly, Read).TryGetValue(id, out FlowFindings? summary) ? summary : null;
    }

    private Dictionary<string, FlowFindings> Read(IAssemblySymbol assembly)
    {
        var summaries = new Dictionary<string, FlowFindings>(System.StringComparer.Ordinal);
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            if (!SizeSymbols.Is(attribute.AttributeClass, _symbols.SizeEvidenceAttribute)
                || attribute.ConstructorArguments is not [{ Value: string member }, { Value: string kindName }, { Value: string detail }])
            {
                continue;
            }

            EvidenceKind? kind = SizeEvidenceFormat.ReadKind(kindName);
            bool serialized = kindName == SizeEvidenceFormat.SerializedParameterKind;
            int? parameter = kindName == SizeEvidenceFormat.ParameterFlowKind || serialized ? SizeEvidenceFormat.ReadOrdinal(detail) : null;
            if (kind is null && parameter is null)
            {
                continue;
            }

            string subject = string.Empty;
            EvidencePath? path = EvidencePath.Empty;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == "Subject" && named.Value.Value is string text)
                {
                    subject = text;
                }
                else if (named.Key == "Path" && named.Value.Kind == TypedConstantKind.Array)
                {
                    ImmutableArray<string>.Builder steps = ImmutableArray.CreateBuilder<string>();
                    foreach (TypedConstant step in named.Value.Values)
                    {
                        steps.Add(step.Value as string ?? string.Empty);
                    }

                    path = SizeEvidenceFormat.ReadPath(steps.ToImmutable());
                }
            }

            if (path is null)
            {
                continue;
            }

            if (!summaries.TryGetValue(member, out FlowFindings? summary))
            {
                summary = new FlowFindings();
                summaries[member] = summary;
            }

            if (parameter is { } serializedOrdinal && serialized)
            {
                // Response(statusCode, body) serializes body: the handler knows its argument's type.
                summary.AddSerializedParameter(serializedOrdinal);
            }
            else if (parameter is { } ordinal)
            {
                // Page(rows) returns what its caller passes: the handler follows its own argument.
                summary.AddParameterFlow(ordinal, path);
            }
            else
            {
                summary.Add(new Evidence(kind!.Value, path, detail, subject));
            }
        }

        return summaries;
    }
}

using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The summaries a library exports for the projects that reference it: for every public or internal method of the
/// compilation whose result can grow and whose summary carries evidence (unbounded or bounded) or a parameter that flows
/// into (or is serialized into) the result, one <see cref="ExportedEvidence"/> per piece (at most <see cref="MaxPerMethod"/>). An interface member implemented by
/// exactly one class of the library is exported under the interface's id too, since a handler project calls the
/// interface it was injected with.
/// </summary>
internal static class SummaryExport
{
    private const int MaxPerMethod = 4;

    public static EquatableArray<ExportedEvidence> Read(Compilation compilation, CancellationToken cancellationToken)
    {
        SizeSymbols symbols = SizeSymbols.For(compilation);
        if (symbols.SizeEvidenceAttribute is null)
        {
            return EquatableArray<ExportedEvidence>.Empty;
        }

        SizeEngine engine = SizeEngine.For(compilation);
        var exported = new List<ExportedEvidence>();
        foreach (INamedTypeSymbol type in VisibleTypes(compilation.Assembly.GlobalNamespace))
        {
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsImplicitlyDeclared: false, IsAbstract: false } method
                    || !IsVisible(method)
                    || symbols.ResultType(method) is not { } result
                    || engine.Sizes.Estimate(result).Range.IsBounded
                    || engine.Summaries.Summarize(method, CallChain.Root, out _) is not { } summary
                    || (summary.Unbounded.Count == 0 && summary.Bounded.Count == 0 && summary.ParameterFlows.Count == 0 && summary.SerializedParameters.Count == 0))
                {
                    continue;
                }

                Export(exported, method, summary);
                foreach (IMethodSymbol contractMember in InterfaceMembersImplementedBy(method, engine.Summaries.Targets))
                {
                    Export(exported, contractMember, summary);
                }
            }
        }

        return new EquatableArray<ExportedEvidence>(exported.ToArray());
    }

    private static void Export(List<ExportedEvidence> exported, IMethodSymbol method, FlowFindings summary)
    {
        if (method.GetDocumentationCommentId() is not { } id)
        {
            return;
        }

        int count = 0;
        foreach (IReadOnlyList<Evidence> list in new[] { summary.Unbounded, summary.Bounded })
        {
            foreach (Evidence evidence in list)
            {
                if (count++ == MaxPerMethod)
                {
                    return;
                }

                // A loop's cause travels as text: the reader shows it, and nothing decides on it.
                string detail = evidence.Cause is { } cause ? EvidenceRenderer.Render(cause, method.Name) : evidence.Detail;
                exported.Add(new ExportedEvidence(id, evidence.Kind.ToString(), detail, evidence.Subject, Steps(evidence.Path)));
            }
        }

        // The parameters whose argument the caller must follow: after the evidence, within the same cap.
        foreach (int ordinal in summary.ParameterFlows)
        {
            if (count++ == MaxPerMethod)
            {
                return;
            }

            exported.Add(new ExportedEvidence(id, SizeEvidenceFormat.ParameterFlowKind, SizeEvidenceFormat.Ordinal(ordinal), string.Empty, Steps(summary.PathOf(ordinal))));
        }

        foreach (int ordinal in summary.SerializedParameters)
        {
            if (count++ == MaxPerMethod)
            {
                return;
            }

            exported.Add(new ExportedEvidence(id, SizeEvidenceFormat.SerializedParameterKind, SizeEvidenceFormat.Ordinal(ordinal), string.Empty, EquatableArray<string>.Empty));
        }
    }

    private static EquatableArray<string> Steps(EvidencePath path)
    {
        var steps = new string[path.Steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            steps[i] = SizeEvidenceFormat.Step(path.Steps[i]);
        }

        return new EquatableArray<string>(steps);
    }

    /// <summary>The members of interfaces of this compilation that <paramref name="method"/> implements as their only implementation.</summary>
    private static IEnumerable<IMethodSymbol> InterfaceMembersImplementedBy(IMethodSymbol method, CallTargets targets)
    {
        foreach (INamedTypeSymbol contract in method.ContainingType.AllInterfaces)
        {
            if (targets.ImplementationsOf(contract).Count != 1)
            {
                continue;
            }

            foreach (ISymbol member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol contractMethod
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(contractMethod), method))
                {
                    yield return contractMethod;
                }
            }
        }
    }

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static IEnumerable<INamedTypeSymbol> VisibleTypes(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            INamespaceOrTypeSymbol current = pending.Pop();
            IEnumerable<ISymbol> members = current is INamespaceSymbol ns ? ns.GetMembers() : ((INamedTypeSymbol)current).GetTypeMembers();
            foreach (ISymbol member in members)
            {
                if (member is INamespaceSymbol childNamespace)
                {
                    pending.Push(childNamespace);
                }
                else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsImplicitlyDeclared: false } type && IsVisible(type))
                {
                    pending.Push(type);
                    yield return type;
                }
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Per-method summaries: what a method's result carries (evidence that it is unbounded, bounds, serialized types,
/// the parameters that flow into it), computed once per compilation from the method's own body and cached, so a
/// repository called by twenty handlers is traced once and cost stays linear in the code. Calls are followed into
/// private helpers, local functions, and services of the compilation (<see cref="CallTargets"/>); for methods of
/// referenced assemblies, the summaries their build exported (<see cref="MetadataSummaries"/>). Recursion is cut and
/// depth capped by <see cref="CallChain"/>; a summary shaped by such a cut depends on where tracing began and is not
/// cached.
/// </summary>
internal sealed class MethodSummaries
{
    private readonly SizeEngine _engine;
    private readonly ConcurrentDictionary<IMethodSymbol, FlowFindings> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public MethodSummaries(SizeEngine engine)
    {
        _engine = engine;
        Targets = new CallTargets(engine.Symbols.Compilation, tree => _models.GetOrAdd(tree, SemanticModelOf));
        Metadata = new MetadataSummaries(engine.Symbols);
    }

    public CallTargets Targets { get; }

    public MetadataSummaries Metadata { get; }

    /// <summary>
    /// How a call is shown on an evidence path: <c>ProductRepository.GetAll()</c>, <c>HandleRead()</c> for a local
    /// function, <c>CatalogUnitOfWork.Everything</c> for a property getter.
    /// </summary>
    public static string Display(IMethodSymbol method) =>
        method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } property && method.ContainingType is { } owner
            ? owner.Name + "." + property.Name
            : method.MethodKind == MethodKind.LocalFunction || method.ContainingType is null
                ? method.Name + "()"
                : method.ContainingType.Name + "." + method.Name + "()";

    /// <summary>
    /// How a call is shown when the value passes through one of its parameters: <c>LedgerExportFunctions.BuildCsv(entries)</c>.
    /// </summary>
    public static string Display(IMethodSymbol method, IParameterSymbol parameter)
    {
        string call = Display(method);
        return call.EndsWith("()", System.StringComparison.Ordinal) ? call.Substring(0, call.Length - 1) + parameter.Name + ")" : call;
    }

    /// <summary>Adds what the called method's summary says about its result to <paramref name="trace"/>.</summary>
    public void Apply(IInvocationOperation invocation, ValueTrace trace) =>
        _ = Apply(invocation.TargetMethod, ReceiverType(invocation.Instance), invocation.Arguments, trace);

    /// <summary>
    /// The receiver's type, narrowed to the class a field always holds when the code creates only that one
    /// (<c>IExportStore _store = new CachedExportStore()</c>), so the call runs that class's member.
    /// </summary>
    public ITypeSymbol? ReceiverType(IOperation? instance) =>
        instance is IFieldReferenceOperation { Field: { Type.TypeKind: TypeKind.Interface or TypeKind.Class } field }
            && (field.Type.TypeKind == TypeKind.Interface || field.Type.IsAbstract)
            && FieldWrites.CreatedType(field, this) is { } created
            ? created
            : instance?.Type;

    /// <summary>
    /// Adds what the summary of a call to <paramref name="method"/> (an invocation, a property read, a delegate's target)
    /// on a receiver of static type <paramref name="receiver"/> says about its result to <paramref name="trace"/>; false
    /// when the method's body is not known (metadata without exported summaries, an auto-property, an abstract member).
    /// </summary>
    public bool Apply(IMethodSymbol method, ITypeSymbol? receiver, ImmutableArray<IArgumentOperation> arguments, ValueTrace trace)
    {
        if (Targets.Resolve(method, receiver) is not { } target)
        {
            return false;
        }

        FlowFindings? summary = Summarize(target, trace.Calls, out bool cut);
        if (cut)
        {
            trace.Findings.MarkIncomplete();
            return true;
        }

        if (summary is null)
        {
            return false;
        }

        EvidencePath callPath = trace.Path.Call(Display(target));
        foreach (Evidence evidence in summary.Unbounded)
        {
            trace.Findings.Add(evidence.Under(callPath));
        }

        foreach (Evidence bound in summary.Bounded)
        {
            trace.Findings.Add(bound.Under(callPath));
        }

        foreach (ITypeSymbol type in summary.SerializedTypes)
        {
            trace.Findings.AddSerializedType(type);
        }

        if (summary.Constant is { } constant)
        {
            trace.Findings.AddConstant(summary.ConstantBytes, constant.Under(callPath));
        }

        if (summary.Incomplete)
        {
            trace.Findings.MarkIncomplete();
        }

        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (Contains(summary.SerializedParameters, parameter.Ordinal) && OperationText.Unwrap(argument.Value).Type is { } argumentType)
            {
                trace.Findings.AddSerializedType(argumentType);
            }

            if (Contains(summary.ParameterFlows, parameter.Ordinal))
            {
                // BuildCsv(entries) loops over its parameter: the caller's argument is the evidence, reached through it.
                IParameterSymbol named = parameter.Ordinal < target.Parameters.Length ? target.Parameters[parameter.Ordinal] : parameter;
                trace.Follow(argument.Value, trace.Path.Call(Display(target, named)).Then(summary.PathOf(parameter.Ordinal)));
            }
        }

        return true;
    }

    /// <summary>
    /// The summary of <paramref name="method"/> (its definition), or null when its body is not known. <paramref name="cut"/>
    /// is true when following it would recurse or go deeper than <see cref="CallChain.MaxDepth"/>.
    /// </summary>
    public FlowFindings? Summarize(IMethodSymbol method, CallChain calls, out bool cut)
    {
        cut = false;
        method = method.OriginalDefinition;
        if (_cache.TryGetValue(method, out FlowFindings? cached))
        {
            return cached;
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _engine.Symbols.Compilation.Assembly))
        {
            return Metadata.Find(method);
        }

        if (BodyOf(method) is not { } body)
        {
            return null;
        }

        if (calls.Enter(method) is not { } inner)
        {
            cut = true;
            return null;
        }

        var flow = new PayloadFlowAnalysis(body, _engine, owner: method, calls: inner);
        var findings = new FlowFindings();
        foreach (IOperation value in PayloadFlowAnalysis.ReturnedValues(body))
        {
            flow.Trace(value, findings);
        }

        return findings.Incomplete ? findings : _cache.GetOrAdd(method, findings);
    }

    /// <summary>The operation of a source method's or local function's body.</summary>
    private IOperation? BodyOf(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxNode syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        // Property getters too: `All => _db.Orders.ToList()` (an arrow clause) and `get { … }` (an accessor).
        if (syntax is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax or ArrowExpressionClauseSyntax or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }))
        {
            return null;
        }

        SemanticModel model = _models.GetOrAdd(syntax.SyntaxTree, SemanticModelOf);
        return model.GetOperation(syntax) switch
        {
            ILocalFunctionOperation local => local.Body ?? local.IgnoredBody,
            { } operation => operation,
            null => null,
        };
    }

    /// <summary>The operation of <paramref name="syntax"/> (a field's initializer, a constructor), from its tree's shared model.</summary>
    public IOperation? OperationOf(SyntaxNode syntax) => _models.GetOrAdd(syntax.SyntaxTree, SemanticModelOf).GetOperation(syntax);

    // The analyzers need the bodies of methods in other files than the one being analyzed: there is no other way to read
    // them. Each tree's model is created once per compilation and shared by every summary.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private SemanticModel SemanticModelOf(SyntaxTree tree) => _engine.Symbols.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    private static bool Contains(IReadOnlyCollection<int> ordinals, int ordinal)
    {
        foreach (int candidate in ordinals)
        {
            if (candidate == ordinal)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using PayloadGen.Generators.Analyzers;

namespace PayloadGen.CodeFixes;

/// <summary>
/// One application of <see cref="UseClaimCheckSerializerCodeFixProvider"/>: which serializer expressions a flagged
/// handler's bootstrap calls pass (found by the analyzers' own <see cref="BootstrapBindings"/>, so the fix and the
/// diagnostic agree on which calls bind the handler), and which <c>[ClaimCheckSerializer]</c> class replaces them.
/// </summary>
internal sealed class SerializerSwap
{
    private const string SourceGeneratedSerializerName = "SourceGeneratorLambdaJsonSerializer";

    // Tried in order for a new class; the first is the README's name for it.
    private static readonly string[] CandidateNames = ["FunctionSerializer", "ClaimCheckLambdaSerializer"];

    private readonly Solution _solution;
    private readonly IReadOnlyList<ExpressionSyntax> _serializers;
    private readonly string? _namespace;
    private readonly string? _jsonContext;

    private SerializerSwap(Solution solution, IReadOnlyList<ExpressionSyntax> serializers, string serializerName, string? serializerNamespace, bool declaresSerializer, string? jsonContext)
    {
        _solution = solution;
        _serializers = serializers;
        SerializerName = serializerName;
        _namespace = serializerNamespace;
        DeclaresSerializer = declaresSerializer;
        _jsonContext = jsonContext;
    }

    /// <summary>The class passed to the bootstrap, as written at the first call.</summary>
    public string SerializerName { get; }

    /// <summary>Whether the project has no <c>[ClaimCheckSerializer]</c> class yet, so the fix declares one.</summary>
    public bool DeclaresSerializer { get; }

    /// <summary>The swap for the handler the diagnostic at <paramref name="span"/> reports, or null when no bootstrap call passes it another serializer.</summary>
    public static async Task<SerializerSwap?> PlanAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || HandlerAt(root, model, span, cancellationToken) is not { } handler)
        {
            return null;
        }

        // The analyzers' own catalog of the compilation (cached per compilation): read once for every diagnostic it fixes.
        HandlerCatalog catalog = SizeRuleContext.For(model.Compilation).Catalog(document.Project.AnalyzerOptions, cancellationToken);
        KnownSymbols symbols = catalog.Symbols;
        IReadOnlyList<ExpressionSyntax> serializers = catalog.Bootstraps.OtherSerializersOf(handler);
        if (serializers.Count == 0)
        {
            return null;
        }

        ExpressionSyntax first = serializers[0];
        SemanticModel firstModel = first.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(first.SyntaxTree);
        if (ExistingSerializer(model.Compilation, symbols) is { } existing)
        {
            string name = existing.ToMinimalDisplayString(firstModel, first.SpanStart);
            return new SerializerSwap(document.Project.Solution, serializers, name, NamespaceOf(existing), declaresSerializer: false, jsonContext: null);
        }

        string? jsonContext = firstModel.GetTypeInfo(first, cancellationToken).Type is INamedTypeSymbol { Name: SourceGeneratedSerializerName, TypeArguments: [ITypeSymbol context] }
            ? context.ToMinimalDisplayString(firstModel, first.SpanStart)
            : null;
        string? serializerNamespace = NamespaceAround(first);
        string newName = CandidateNames.Concat(Enumerable.Range(2, 98).Select(n => CandidateNames[1] + n))
            .First(candidate => firstModel.LookupNamespacesAndTypes(first.SpanStart, name: candidate).IsEmpty
                && model.Compilation.GetTypeByMetadataName(serializerNamespace is null ? candidate : serializerNamespace + "." + candidate) is null);
        return new SerializerSwap(document.Project.Solution, serializers, newName, serializerNamespace, declaresSerializer: true, jsonContext);
    }

    /// <summary>Replaces every serializer expression, and declares the serializer beside the first when it is new.</summary>
    public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
    {
        Solution solution = _solution;
        ExpressionSyntax first = _serializers[0];
        foreach (IGrouping<SyntaxTree, ExpressionSyntax> inTree in _serializers.GroupBy(expression => expression.SyntaxTree))
        {
            if (solution.GetDocument(inTree.Key) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
            {
                continue;
            }

            bool declaresHere = DeclaresSerializer && inTree.Key == first.SyntaxTree;
            MemberDeclarationSyntax? declaration = declaresHere ? Declaration(root.SyntaxTree) : null;
            // The new class goes at the end of the innermost namespace around the first call, or of the file.
            BaseNamespaceDeclarationSyntax? container = declaresHere ? first.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() : null;
            string written = NameFor(inTree.First());
            var replaced = new HashSet<SyntaxNode>(inTree);
            IEnumerable<SyntaxNode> nodes = container is null ? inTree : inTree.Append<SyntaxNode>(container);
            CompilationUnitSyntax changed = root.ReplaceNodes(nodes, (original, rewritten) => replaced.Contains(original)
                ? SyntaxFactory.ParseExpression($"new {written}()").WithTriviaFrom(original)
                : ((BaseNamespaceDeclarationSyntax)rewritten).AddMembers(declaration!));
            if (declaration is not null)
            {
                if (container is null)
                {
                    changed = changed.AddMembers(declaration);
                }

                SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (model is null || !PayloadGenImport.IsImported(model, first.SpanStart))
                {
                    changed = PayloadGenImport.Add(changed, PayloadGenImport.EndOfLineOf(changed));
                }
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, changed);
        }

        return solution;
    }

    /// <summary>The new class: <c>[ClaimCheckSerializer]</c>, with the replaced serializer's JSON context if it had one.</summary>
    private MemberDeclarationSyntax Declaration(SyntaxTree tree)
    {
        string attribute = _jsonContext is null ? "ClaimCheckSerializer" : $"ClaimCheckSerializer(JsonContext = typeof({_jsonContext}))";
        // A body-less class needs C# 12; older projects get braces.
        string body = ((CSharpParseOptions)tree.Options).LanguageVersion >= LanguageVersion.CSharp12 ? ";" : " { }";
        return SyntaxFactory.ParseMemberDeclaration($"[{attribute}]\npublic partial class {SerializerName}{body}\n")!
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The flagged handler: the method, local function or lambda around the diagnostic (on its name, a parameter or the arrow).</summary>
    private static IMethodSymbol? HandlerAt(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        foreach (SyntaxNode node in root.FindToken(span.Start).Parent?.AncestorsAndSelf() ?? [])
        {
            switch (node)
            {
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    return model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol;
                case AnonymousFunctionExpressionSyntax lambda:
                    return model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
            }
        }

        return null;
    }

    /// <summary>The project's own <c>[ClaimCheckSerializer]</c> class that can be created with <c>new X()</c>, first by name.</summary>
    private static INamedTypeSymbol? ExistingSerializer(Compilation compilation, KnownSymbols symbols) =>
        TypesOf(compilation.Assembly.GlobalNamespace)
            .Where(type => type is { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false, IsStatic: false }
                && symbols.IsClaimCheckSerializer(type)
                && type.InstanceConstructors.Any(constructor => constructor.Parameters.IsEmpty && constructor.DeclaredAccessibility != Accessibility.Private)
                && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            .OrderBy(type => type.ToDisplayString(), System.StringComparer.Ordinal)
            .FirstOrDefault();

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceOrTypeSymbol container)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceSymbol nested)
            {
                foreach (INamedTypeSymbol type in TypesOf(nested))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type && type.Locations.Any(location => location.IsInSource))
            {
                yield return type;
                foreach (INamedTypeSymbol inner in TypesOf(type))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string? NamespaceOf(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    /// <summary>The namespace <paramref name="node"/> is declared in, from its namespace declarations; null for the global one.</summary>
    private static string? NamespaceAround(SyntaxNode node)
    {
        string[] names = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(declaration => declaration.Name.ToString()).ToArray();
        return names.Length == 0 ? null : string.Join(".", names);
    }

    /// <summary>
    /// How a call names the serializer: the first call's spelling works there and anywhere in the serializer's own
    /// namespace; a call in another file and namespace gets the qualified name.
    /// </summary>
    private string NameFor(ExpressionSyntax serializer) =>
        serializer.SyntaxTree == _serializers[0].SyntaxTree || _namespace is null || NamespaceAround(serializer) == _namespace || SerializerName.Contains('.')
            ? SerializerName
            : "global::" + _namespace + "." + SerializerName;
}

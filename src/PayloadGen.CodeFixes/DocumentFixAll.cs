using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PayloadGen.CodeFixes;

/// <summary>
/// Fix All for a code fix that fixes a document's diagnostics in one pass: the method that applies one fix applies
/// the document's whole batch, so Fix All and a single fix cannot disagree.
/// </summary>
internal sealed class DocumentFixAll : DocumentBasedFixAllProvider
{
    private readonly string _title;
    private readonly Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> _fix;

    public DocumentFixAll(string title, Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> fix)
    {
        _title = title;
        _fix = fix;
    }

    /// <summary>The innermost <typeparamref name="TNode"/> around the start of <paramref name="diagnostic"/>, or <see langword="null"/>.</summary>
    public static TNode? Enclosing<TNode>(SyntaxNode? root, Diagnostic diagnostic)
        where TNode : SyntaxNode
        => root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TNode>().FirstOrDefault();

    protected override string GetFixAllTitle(FixAllContext fixAllContext) => _title;

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await _fix(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
}

using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.CodeFixes;

/// <summary>
/// Fixes the size rules for a handler an executable binds with <c>LambdaBootstrapBuilder.Create(handler, serializer)</c>:
/// the bootstrap calls the method itself (a <c>[ClaimCheck]</c> wrapper would never run), so the fix is the serializer.
/// Passes the project's <c>[ClaimCheckSerializer]</c> class instead, or declares one (keeping the JSON context of a
/// <c>SourceGeneratorLambdaJsonSerializer&lt;TContext&gt;</c> it replaces, which Native AOT needs) when there is none.
/// </summary>
/// <remarks>
/// Offered only when the flagged payload is one the serializer carries in that overload: a <see cref="System.IO.Stream"/>
/// passes through any serializer untouched, so swapping it would change nothing.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseClaimCheckSerializerCodeFixProvider)), Shared]
public sealed class UseClaimCheckSerializerCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "PayloadGen.UseClaimCheckSerializer";

    public override ImmutableArray<string> FixableDiagnosticIds => SizeRuleIds.HandlerPayloads;

    // Every flagged handler of a solution bound with the same serializer gets the same edit; the batch fixer merges them.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!SerializerCarries(diagnostic))
            {
                continue;
            }

            SerializerSwap? swap = await SerializerSwap.PlanAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (swap is null)
            {
                continue;
            }

            string title = swap.DeclaresSerializer
                ? $"Declare [ClaimCheckSerializer] {swap.SerializerName} and pass it to LambdaBootstrapBuilder.Create"
                : $"Pass new {swap.SerializerName}() to LambdaBootstrapBuilder.Create";
            context.RegisterCodeFix(CodeAction.Create(title, swap.ApplyAsync, EquivalenceKey), diagnostic);
        }
    }

    /// <summary>Whether a claim-check serializer in the bootstrap would carry the payload <paramref name="diagnostic"/> is about.</summary>
    private static bool SerializerCarries(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PropertyNames.BootstrapSerializerCarries, out string? carried) || carried is null)
        {
            return false;
        }

        string payload = diagnostic.Id is DiagnosticIds.RequestLikelyExceedsLimit or DiagnosticIds.RequestMayExceedLimit ? "Request" : "Response";
        return carried.Split(',').Select(part => part.Trim()).Any(part => part == payload || part == "Both");
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Emit;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;

namespace PayloadGen.Generators;

/// <summary>
/// Generates the claim-check wrapper of every <c>[ClaimCheck]</c> method: a <c>Stream</c>-in, <c>Stream</c>-out
/// Lambda handler in the same partial type that hydrates pointer requests, calls the method and offloads responses
/// over the inline threshold (for SQS and SNS sources: hands the event to the runtime's batch loop, which calls the
/// method once per record), plus a constant holding its Lambda handler string.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClaimCheckGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<HandlerSpec> handlers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.ClaimCheckAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => HandlerParser.Parse(attributeContext, cancellationToken))
            .Where(static handler => handler is not null)
            .Select(static (handler, _) => handler!)
            .WithTrackingName(TrackingNames.Handlers);

        // Only the facts wrappers need, never the Compilation itself: an edit that leaves them equal keeps every
        // handler cached.
        IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFactsReader.Read(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        IncrementalValuesProvider<(HandlerSpec Handler, CompilationFacts Facts)> handlersWithFacts = handlers
            .Combine(facts)
            .WithTrackingName(TrackingNames.HandlersWithFacts);

        context.RegisterSourceOutput(handlersWithFacts, static (output, pair) => HandlerEmitter.Emit(output, pair.Handler, pair.Facts));
    }
}

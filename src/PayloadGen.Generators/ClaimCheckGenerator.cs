using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PayloadGen.Generators.Emit;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;
using PayloadGen.Generators.SizeModel;

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
        // Every [ClaimCheck] method, null where the parser refuses it (an analyzer says why).
        IncrementalValuesProvider<HandlerSpec?> marked = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.ClaimCheckAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => HandlerParser.Parse(attributeContext, cancellationToken));

        IncrementalValuesProvider<HandlerSpec> handlers = marked
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

        // [ClaimCheckSerializer] classes: the claim check for handlers no wrapper can reach (Amazon.Lambda.Annotations,
        // executable handlers). A class the reader refuses is skipped here and reported by ClaimCheckSerializerAnalyzer.
        IncrementalValuesProvider<SerializerSpec> serializers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.ClaimCheckSerializerAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => SerializerShapeReader.Read(
                    attributeContext.SemanticModel.Compilation,
                    (INamedTypeSymbol)attributeContext.TargetSymbol,
                    attributeContext.Attributes[0],
                    cancellationToken).Spec)
            .Where(static serializer => serializer is not null)
            .Select(static (serializer, _) => serializer!)
            .WithTrackingName(TrackingNames.Serializers);

        context.RegisterSourceOutput(serializers, static (output, serializer) => SerializerEmitter.Emit(output, serializer));

        // Cross-project size evidence: the summaries of this assembly's public and internal methods, for the analyzers
        // of projects that reference it. Written only by the projects whose evidence is read — data projects, not Lambda
        // function projects (SizeEvidenceExportSetting) — and decided from build properties and the [ClaimCheck] methods
        // already found (valid or not: marking one makes a function project), so a function project never reads its
        // compilation here.
        IncrementalValueProvider<bool> exports = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SizeEvidenceExportSetting.Read(options.GlobalOptions))
            .Combine(marked.Collect().Select(static (found, _) => !found.IsEmpty))
            .Select(static (pair, _) => pair.Left.Exports(declaresClaimCheckHandlers: pair.Right))
            .WithTrackingName(TrackingNames.SizeEvidenceExported);

        // A summary depends on bodies anywhere in the compilation (a method and every helper it calls), so where the
        // export runs this step reads the Compilation and runs again after every change to it: in a data project of
        // 9,000 lines, a third of a second of CPU. Its value (strings in an EquatableArray, equal after any edit that
        // changes no summary) keeps the source output cached, but not the step itself. So it is an implementation
        // output: the attribute matters only to the assembly a build writes and nothing in this compilation reads it,
        // which lets a host that skips implementation outputs never pull this step (Roslyn's IDE hosts still run them,
        // dotnet/roslyn#77288); builds always do.
        IncrementalValueProvider<EquatableArray<ExportedEvidence>> sizeEvidence = exports
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => pair.Left ? SummaryExport.Read(pair.Right, cancellationToken) : EquatableArray<ExportedEvidence>.Empty)
            .WithTrackingName(TrackingNames.SizeEvidence);

        context.RegisterImplementationSourceOutput(sizeEvidence, static (output, exported) => SizeEvidenceEmitter.Emit(output, exported));
    }
}

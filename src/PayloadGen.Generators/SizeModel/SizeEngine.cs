using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The size engine of one compilation: its well-known symbols, the JSON size model, the recognizers (one per API
/// family, asked in order) and the method summaries. Created once per compilation and shared by the size analyzers
/// and the generator's summary export; thread-safe.
/// </summary>
internal sealed class SizeEngine
{
    private static readonly ConditionalWeakTable<Compilation, SizeEngine> PerCompilation = new();

    private SizeEngine(Compilation compilation)
    {
        Symbols = SizeSymbols.For(compilation);
        Sizes = new JsonSizeModel(Symbols);
        Summaries = new MethodSummaries(this);
    }

    public SizeSymbols Symbols { get; }

    public JsonSizeModel Sizes { get; }

    public MethodSummaries Summaries { get; }

    /// <summary>
    /// The API families the tracer knows, most specific first; a call none of them claims is answered by its
    /// method's summary. Stateless, so shared by every compilation.
    /// </summary>
    public static ImmutableArray<IInvocationRecognizer> Recognizers { get; } = ImmutableArray.Create<IInvocationRecognizer>(
        new FileReadRecognizer(),
        new StreamReadRecognizer(),
        new DynamoDbPagingRecognizer(),
        new DapperQueryRecognizer(),
        new S3ReadRecognizer(),
        new TextBuilderRecognizer(),
        new SerializerRecognizer(),
        new PassThroughRecognizer(),
        new HttpBodyRecognizer(),
        new MediatorSendRecognizer(),
        new LinqQueryRecognizer());

    /// <summary>The API families that give a property read its meaning, asked before the getter's summary.</summary>
    public static ImmutableArray<IPropertyRecognizer> PropertyRecognizers { get; } = ImmutableArray.Create<IPropertyRecognizer>(
        new SdkPaginatorRecognizer(),
        new EntitySetRecognizer());

    /// <summary>The recognizers that know a call by its method alone, so also a delegate holding the method group.</summary>
    public static ImmutableArray<IMethodGroupRecognizer> MethodGroupRecognizers { get; } = ImmutableArray.CreateRange(System.Linq.Enumerable.OfType<IMethodGroupRecognizer>(Recognizers));

    /// <summary>The recognizers that know a call by its method and arguments, asked for a delegate holding a static method group.</summary>
    public static ImmutableArray<IStaticGroupRecognizer> StaticGroupRecognizers { get; } = ImmutableArray.CreateRange(System.Linq.Enumerable.OfType<IStaticGroupRecognizer>(Recognizers));

    public static SizeEngine For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new SizeEngine(c));
}

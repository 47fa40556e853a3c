using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The System.Text.Json types <see cref="JsonContract"/> reads, resolved once per compilation by metadata name. Its own
/// set rather than all of <see cref="SizeSymbols"/> because the generator reads contracts too (the bare-pointer check):
/// it runs on every build and again after every keystroke, and resolving the size engine's sixty types there, most of
/// them absent (each absent name is looked up in every referenced assembly), cost more than the rest of a handler's
/// parse. Each is looked up on first use, so a contract without attributes costs no look-up at all.
/// <see cref="SizeSymbols"/> takes its System.Text.Json types from here, so each name is written once.
/// </summary>
internal sealed class JsonContractSymbols
{
    private static readonly ConditionalWeakTable<Compilation, JsonContractSymbols> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly LazySymbol _jsonIgnore = new("System.Text.Json.Serialization.JsonIgnoreAttribute");
    private readonly LazySymbol _jsonIgnoreCondition = new("System.Text.Json.Serialization.JsonIgnoreCondition");
    private readonly LazySymbol _jsonInclude = new("System.Text.Json.Serialization.JsonIncludeAttribute");
    private readonly LazySymbol _jsonPropertyName = new("System.Text.Json.Serialization.JsonPropertyNameAttribute");
    private readonly LazySymbol _jsonExtensionData = new("System.Text.Json.Serialization.JsonExtensionDataAttribute");
    private readonly LazySymbol _jsonConverter = new("System.Text.Json.Serialization.JsonConverterAttribute");
    private readonly LazySymbol _jsonStringEnumConverter = new("System.Text.Json.Serialization.JsonStringEnumConverter");
    private readonly LazySymbol _jsonStringEnumConverterOfT = new("System.Text.Json.Serialization.JsonStringEnumConverter`1");
    private readonly LazySymbol _jsonDerivedType = new("System.Text.Json.Serialization.JsonDerivedTypeAttribute");
    private readonly LazySymbol _jsonPolymorphic = new("System.Text.Json.Serialization.JsonPolymorphicAttribute");
    private readonly LazySymbol _jsonNumberHandlingAttribute = new("System.Text.Json.Serialization.JsonNumberHandlingAttribute");
    private readonly LazySymbol _jsonNumberHandling = new("System.Text.Json.Serialization.JsonNumberHandling");

    private JsonContractSymbols(Compilation compilation) => _compilation = compilation;

    // Each is looked up on first use: a contract with no attributes on the type or its members (most request types)
    // needs none of them.
    public INamedTypeSymbol? JsonIgnore => _jsonIgnore.Get(_compilation);
    public INamedTypeSymbol? JsonIgnoreCondition => _jsonIgnoreCondition.Get(_compilation);
    public INamedTypeSymbol? JsonInclude => _jsonInclude.Get(_compilation);
    public INamedTypeSymbol? JsonPropertyName => _jsonPropertyName.Get(_compilation);
    public INamedTypeSymbol? JsonExtensionData => _jsonExtensionData.Get(_compilation);
    public INamedTypeSymbol? JsonConverter => _jsonConverter.Get(_compilation);
    public INamedTypeSymbol? JsonStringEnumConverter => _jsonStringEnumConverter.Get(_compilation);
    public INamedTypeSymbol? JsonStringEnumConverterOfT => _jsonStringEnumConverterOfT.Get(_compilation);
    public INamedTypeSymbol? JsonDerivedType => _jsonDerivedType.Get(_compilation);
    public INamedTypeSymbol? JsonPolymorphic => _jsonPolymorphic.Get(_compilation);
    public INamedTypeSymbol? JsonNumberHandlingAttribute => _jsonNumberHandlingAttribute.Get(_compilation);
    public INamedTypeSymbol? JsonNumberHandling => _jsonNumberHandling.Get(_compilation);

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on the first call for it.</summary>
    public static JsonContractSymbols For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new JsonContractSymbols(c));

    /// <summary>
    /// A type looked up by metadata name the first time it is asked for. Thread-safe: two threads asking at once both
    /// look it up and find the same symbol.
    /// </summary>
    private sealed class LazySymbol(string metadataName)
    {
        private INamedTypeSymbol? _symbol;
        private volatile bool _resolved;

        public INamedTypeSymbol? Get(Compilation compilation)
        {
            if (!_resolved)
            {
                _symbol = compilation.GetTypeByMetadataName(metadataName);
                _resolved = true;
            }

            return _symbol;
        }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The System.Text.Json types <see cref="JsonContract"/> reads, resolved once per compilation by metadata name. Its own
/// set rather than all of <see cref="SizeSymbols"/> because the generator reads contracts too (the bare-pointer check):
/// it runs on every build and again after every keystroke, and resolving the size engine's sixty types there, most of
/// them absent (each absent name is looked up in every referenced assembly), cost more than the rest of a handler's
/// parse. <see cref="SizeSymbols"/> takes its System.Text.Json types from here, so each name is written once.
/// </summary>
internal sealed class JsonContractSymbols
{
    private static readonly ConditionalWeakTable<Compilation, JsonContractSymbols> PerCompilation = new();

    private JsonContractSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        JsonIgnore = Get("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonIgnoreCondition = Get("System.Text.Json.Serialization.JsonIgnoreCondition");
        JsonInclude = Get("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonPropertyName = Get("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        JsonExtensionData = Get("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        JsonConverter = Get("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonStringEnumConverter = Get("System.Text.Json.Serialization.JsonStringEnumConverter");
        JsonStringEnumConverterOfT = Get("System.Text.Json.Serialization.JsonStringEnumConverter`1");
        JsonDerivedType = Get("System.Text.Json.Serialization.JsonDerivedTypeAttribute");
        JsonPolymorphic = Get("System.Text.Json.Serialization.JsonPolymorphicAttribute");
        JsonNumberHandlingAttribute = Get("System.Text.Json.Serialization.JsonNumberHandlingAttribute");
        JsonNumberHandling = Get("System.Text.Json.Serialization.JsonNumberHandling");
    }

    public INamedTypeSymbol? JsonIgnore { get; }
    public INamedTypeSymbol? JsonIgnoreCondition { get; }
    public INamedTypeSymbol? JsonInclude { get; }
    public INamedTypeSymbol? JsonPropertyName { get; }
    public INamedTypeSymbol? JsonExtensionData { get; }
    public INamedTypeSymbol? JsonConverter { get; }
    public INamedTypeSymbol? JsonStringEnumConverter { get; }
    public INamedTypeSymbol? JsonStringEnumConverterOfT { get; }
    public INamedTypeSymbol? JsonDerivedType { get; }
    public INamedTypeSymbol? JsonPolymorphic { get; }
    public INamedTypeSymbol? JsonNumberHandlingAttribute { get; }
    public INamedTypeSymbol? JsonNumberHandling { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on the first call for it.</summary>
    public static JsonContractSymbols For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new JsonContractSymbols(c));
}

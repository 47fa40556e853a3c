using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>The properties set on one <c>[ClaimCheck]</c>, read from its <see cref="AttributeData"/>.</summary>
internal struct ClaimCheckAttributeValues
{
    public const string SourceArgument = "Source";
    public const string JsonContextArgument = "JsonContext";
    public const string InlineThresholdBytesArgument = "InlineThresholdBytes";
    public const string MaxConcurrencyArgument = "MaxConcurrency";
    public const string HttpAnswerArgument = "HttpAnswer";
    public const string PresignSecondsArgument = "PresignSeconds";

    /// <summary>The largest <c>PresignSeconds</c>: seven days, S3's limit for SigV4 presigned URLs.</summary>
    public const int MaxPresignSeconds = 604_800;

    /// <summary>
    /// <c>Source</c> as the attribute sets it (<c>Direct</c> when unset); the source a wrapper serves, which a proxy
    /// response can imply, is <see cref="HandlerShape.Source"/>.
    /// </summary>
    public HandlerSource Source { get; private set; }

    /// <summary>
    /// Whether <see cref="Source"/> is what the attribute says: <see langword="false"/> when <c>Source</c> holds a value
    /// the enum does not define, so that no rule of a source is checked against a guess.
    /// </summary>
    public bool SourceIsKnown { get; private set; }

    /// <summary>Whether <c>Source</c> was set: an explicit <c>Direct</c> on a proxy-response handler keeps pointer semantics.</summary>
    public bool SourceIsExplicit { get; private set; }

    /// <summary><c>HttpAnswer</c> as its underlying value: zero (configuration decides) when unset.</summary>
    public int HttpAnswer { get; private set; }

    /// <summary><c>PresignSeconds</c>: zero (configuration decides) when unset.</summary>
    public int PresignSeconds { get; private set; }

    /// <summary><c>JsonContext</c>: the context type when one is set and usable, else <see langword="null"/>.</summary>
    public INamedTypeSymbol? JsonContext { get; private set; }

    /// <summary>Whether <c>JsonContext</c> is set at all, usable or not.</summary>
    public bool SetsJsonContext { get; private set; }

    /// <summary><c>InlineThresholdBytes</c>: zero when unset.</summary>
    public long InlineThresholdBytes { get; private set; }

    /// <summary><c>MaxConcurrency</c>: zero when unset.</summary>
    public int MaxConcurrency { get; private set; }

    /// <summary>Reads <paramref name="attribute"/>, adding to <paramref name="refusals"/> each value no wrapper can use.</summary>
    public static ClaimCheckAttributeValues Read(AttributeData attribute, List<Refusal> refusals)
    {
        // Every value unset: the attribute's defaults, with the default Source known.
        var values = new ClaimCheckAttributeValues { SourceIsKnown = true };
        foreach (var argument in attribute.NamedArguments)
        {
            TypedConstant value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                values.SourceIsKnown &= argument.Key != SourceArgument;
                refusals.Add(Refusal.AtArgument(RefusalReason.InvalidAttributeValue, argument.Key, string.Empty));
                continue;
            }

            switch (argument.Key)
            {
                case SourceArgument:
                    // An enum constant arrives as its underlying int; a value cast from an undefined number is refused.
                    if (value.Value is int number && Enum.IsDefined(typeof(HandlerSource), number))
                    {
                        values.Source = (HandlerSource)number;
                        values.SourceIsExplicit = true;
                    }
                    else
                    {
                        values.SourceIsKnown = false;
                        refusals.Add(Refusal.AtArgument(RefusalReason.UndefinedSource, argument.Key, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }

                    break;
                case JsonContextArgument:
                    if (value.Value is ITypeSymbol type)
                    {
                        values.SetsJsonContext = true;
                        values.JsonContext = ReadJsonContext(type, refusals);
                    }

                    break;
                case InlineThresholdBytesArgument:
                    if (value.Value is long bytes)
                    {
                        values.InlineThresholdBytes = bytes;
                    }

                    break;
                case HttpAnswerArgument:
                    // PayloadGen.HttpOffloadAnswer: Default, SeeOther, TemporaryRedirect, Json.
                    if (value.Value is int answer && answer is >= 0 and <= 3)
                    {
                        values.HttpAnswer = answer;
                    }
                    else
                    {
                        refusals.Add(Refusal.AtArgument(RefusalReason.UndefinedHttpAnswer, argument.Key, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }

                    break;
                case PresignSecondsArgument:
                    if (value.Value is int seconds && seconds is >= 0 and <= MaxPresignSeconds)
                    {
                        values.PresignSeconds = seconds;
                    }
                    else
                    {
                        refusals.Add(Refusal.AtArgument(RefusalReason.PresignSecondsOutOfRange, argument.Key, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }

                    break;
                case MaxConcurrencyArgument:
                    if (value.Value is int concurrency)
                    {
                        values.MaxConcurrency = concurrency;
                    }

                    break;
            }
        }

        return values;
    }

    private static INamedTypeSymbol? ReadJsonContext(ITypeSymbol type, List<Refusal> refusals)
    {
        // The context's Default property comes from the System.Text.Json generator, whose output this generator cannot
        // see; the base type is the part that can be checked.
        if (type.TypeKind == TypeKind.Error)
        {
            refusals.Add(Refusal.AtArgument(RefusalReason.InvalidAttributeValue, JsonContextArgument, string.Empty));
            return null;
        }

        if (AsJsonContext(type) is { } context)
        {
            return context;
        }

        refusals.Add(Refusal.AtArgument(RefusalReason.InvalidJsonContext, JsonContextArgument, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        return null;
    }

    /// <summary>
    /// <paramref name="type"/> as a <c>JsonContext</c> a generated part can use (a concrete, non-generic class deriving
    /// from <c>JsonSerializerContext</c>), or <see langword="null"/>. The one test of a context for every attribute
    /// that takes one, <c>[ClaimCheck]</c> and <c>[ClaimCheckSerializer]</c> alike.
    /// </summary>
    internal static INamedTypeSymbol? AsJsonContext(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeParameters.Length: 0, IsAbstract: false, TypeKind: TypeKind.Class } named && DerivesFromJsonContext(named) ? named : null;

    private static bool DerivesFromJsonContext(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolNames.Is(current, KnownTypeNames.JsonSerializerContext))
            {
                return true;
            }
        }

        return false;
    }
}

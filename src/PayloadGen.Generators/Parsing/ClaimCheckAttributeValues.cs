using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>The properties set on one <c>[ClaimCheck]</c>, read from its <see cref="AttributeData"/>.</summary>
internal readonly struct ClaimCheckAttributeValues
{
    public const string SourceArgument = "Source";
    public const string JsonContextArgument = "JsonContext";
    public const string InlineThresholdBytesArgument = "InlineThresholdBytes";
    public const string MaxConcurrencyArgument = "MaxConcurrency";
    public const string HttpAnswerArgument = "HttpAnswer";
    public const string PresignSecondsArgument = "PresignSeconds";

    /// <summary>The largest <c>PresignSeconds</c>: seven days, S3's limit for SigV4 presigned URLs.</summary>
    public const int MaxPresignSeconds = 604_800;

    private ClaimCheckAttributeValues(HandlerSource source, bool sourceIsKnown, bool sourceIsExplicit, INamedTypeSymbol? jsonContext, bool setsJsonContext, long inlineThresholdBytes, int maxConcurrency, int httpAnswer, int presignSeconds)
    {
        Source = source;
        SourceIsKnown = sourceIsKnown;
        SourceIsExplicit = sourceIsExplicit;
        HttpAnswer = httpAnswer;
        PresignSeconds = presignSeconds;
        JsonContext = jsonContext;
        SetsJsonContext = setsJsonContext;
        InlineThresholdBytes = inlineThresholdBytes;
        MaxConcurrency = maxConcurrency;
    }

    /// <summary><c>Source</c>: how the handler is invoked.</summary>
    public HandlerSource Source { get; }

    /// <summary>
    /// Whether <see cref="Source"/> is what the attribute says: <see langword="false"/> when <c>Source</c> holds a value
    /// the enum does not define, so that no rule of a source is checked against a guess.
    /// </summary>
    public bool SourceIsKnown { get; }

    /// <summary>Whether <c>Source</c> was set: an explicit <c>Direct</c> on a proxy-response handler keeps pointer semantics.</summary>
    public bool SourceIsExplicit { get; }

    /// <summary><c>HttpAnswer</c> as its underlying value: zero (configuration decides) when unset.</summary>
    public int HttpAnswer { get; }

    /// <summary><c>PresignSeconds</c>: zero (configuration decides) when unset.</summary>
    public int PresignSeconds { get; }

    /// <summary><c>JsonContext</c>: the context type when one is set and usable, else <see langword="null"/>.</summary>
    public INamedTypeSymbol? JsonContext { get; }

    /// <summary>Whether <c>JsonContext</c> is set at all, usable or not.</summary>
    public bool SetsJsonContext { get; }

    /// <summary><c>InlineThresholdBytes</c>: zero when unset.</summary>
    public long InlineThresholdBytes { get; }

    /// <summary><c>MaxConcurrency</c>: zero when unset.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Reads <paramref name="attribute"/>, adding to <paramref name="refusals"/> each value no wrapper can use.</summary>
    public static ClaimCheckAttributeValues Read(AttributeData attribute, List<Refusal> refusals)
    {
        var source = HandlerSource.Direct;
        bool sourceIsKnown = true;
        INamedTypeSymbol? jsonContext = null;
        bool setsJsonContext = false;
        long threshold = 0;
        int maxConcurrency = 0;
        bool sourceIsExplicit = false;
        int httpAnswer = 0;
        int presignSeconds = 0;
        foreach (var argument in attribute.NamedArguments)
        {
            TypedConstant value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                sourceIsKnown &= argument.Key != SourceArgument;
                refusals.Add(Refusal.AtArgument(RefusalReason.InvalidAttributeValue, argument.Key, string.Empty));
                continue;
            }

            switch (argument.Key)
            {
                case SourceArgument:
                    // An enum constant arrives as its underlying int; a value cast from an undefined number is refused.
                    if (value.Value is int number && Enum.IsDefined(typeof(HandlerSource), number))
                    {
                        source = (HandlerSource)number;
                        sourceIsExplicit = true;
                    }
                    else
                    {
                        sourceIsKnown = false;
                        refusals.Add(Refusal.AtArgument(RefusalReason.UndefinedSource, argument.Key, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }

                    break;
                case JsonContextArgument:
                    if (value.Value is ITypeSymbol type)
                    {
                        setsJsonContext = true;
                        jsonContext = ReadJsonContext(type, refusals);
                    }

                    break;
                case InlineThresholdBytesArgument:
                    if (value.Value is long bytes)
                    {
                        threshold = bytes;
                    }

                    break;
                case HttpAnswerArgument:
                    // PayloadGen.HttpOffloadAnswer: Default, SeeOther, TemporaryRedirect, Json.
                    if (value.Value is int answer && answer is >= 0 and <= 3)
                    {
                        httpAnswer = answer;
                    }
                    else
                    {
                        refusals.Add(Refusal.AtArgument(RefusalReason.UndefinedHttpAnswer, argument.Key, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }

                    break;
                case PresignSecondsArgument:
                    if (value.Value is int seconds && seconds is >= 0 and <= MaxPresignSeconds)
                    {
                        presignSeconds = seconds;
                    }
                    else
                    {
                        refusals.Add(Refusal.AtArgument(RefusalReason.PresignSecondsOutOfRange, argument.Key, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                    }

                    break;
                case MaxConcurrencyArgument:
                    if (value.Value is int concurrency)
                    {
                        maxConcurrency = concurrency;
                    }

                    break;
            }
        }

        return new ClaimCheckAttributeValues(source, sourceIsKnown, sourceIsExplicit, jsonContext, setsJsonContext, threshold, maxConcurrency, httpAnswer, presignSeconds);
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

        if (type is INamedTypeSymbol { TypeParameters.Length: 0, IsAbstract: false, TypeKind: TypeKind.Class } named && DerivesFromJsonContext(named))
        {
            return named;
        }

        refusals.Add(Refusal.AtArgument(RefusalReason.InvalidJsonContext, JsonContextArgument, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        return null;
    }

    internal static bool DerivesFromJsonContext(INamedTypeSymbol type)
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

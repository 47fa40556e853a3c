using System;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Parsing;

/// <summary>The properties set on one <c>[ClaimCheck]</c>, read from its <see cref="AttributeData"/>.</summary>
internal readonly struct ClaimCheckAttributeValues
{
    private ClaimCheckAttributeValues(HandlerSource source, bool sourceIsExplicit, ITypeSymbol? jsonContext, long inlineThresholdBytes, int maxConcurrency, int httpAnswer, int presignSeconds)
    {
        Source = source;
        SourceIsExplicit = sourceIsExplicit;
        HttpAnswer = httpAnswer;
        PresignSeconds = presignSeconds;
        JsonContext = jsonContext;
        InlineThresholdBytes = inlineThresholdBytes;
        MaxConcurrency = maxConcurrency;
    }

    /// <summary><c>Source</c>: how the handler is invoked.</summary>
    public HandlerSource Source { get; }

    /// <summary>Whether <c>Source</c> was set: an explicit <c>Direct</c> on a proxy-response handler keeps pointer semantics.</summary>
    public bool SourceIsExplicit { get; }

    /// <summary><c>HttpAnswer</c> as its underlying value: zero (configuration decides) when unset.</summary>
    public int HttpAnswer { get; }

    /// <summary><c>PresignSeconds</c>: zero (configuration decides) when unset.</summary>
    public int PresignSeconds { get; }

    /// <summary><c>JsonContext</c>: the type given, or <see langword="null"/> when unset.</summary>
    public ITypeSymbol? JsonContext { get; }

    /// <summary><c>InlineThresholdBytes</c>: zero when unset.</summary>
    public long InlineThresholdBytes { get; }

    /// <summary><c>MaxConcurrency</c>: zero when unset.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Reads <paramref name="attribute"/>; <see langword="false"/> when a value cannot be understood.</summary>
    public static bool TryRead(AttributeData attribute, out ClaimCheckAttributeValues values)
    {
        var source = HandlerSource.Direct;
        ITypeSymbol? jsonContext = null;
        long threshold = 0;
        int maxConcurrency = 0;
        bool sourceIsExplicit = false;
        int httpAnswer = 0;
        int presignSeconds = 0;
        values = default;
        foreach (var argument in attribute.NamedArguments)
        {
            TypedConstant value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                return false;
            }

            switch (argument.Key)
            {
                case "Source":
                    // An enum constant arrives as its underlying int; a value cast from an undefined number is refused.
                    if (value.Value is not int number || !Enum.IsDefined(typeof(HandlerSource), number))
                    {
                        return false;
                    }

                    source = (HandlerSource)number;
                    sourceIsExplicit = true;
                    break;
                case "HttpAnswer":
                    // SeeOther, TemporaryRedirect and Json; Default (0) is the same as leaving it unset.
                    if (value.Value is not int answer || answer < 0 || answer > 3)
                    {
                        return false;
                    }

                    httpAnswer = answer;
                    break;
                case "PresignSeconds":
                    if (value.Value is not int seconds)
                    {
                        return false;
                    }

                    presignSeconds = seconds;
                    break;
                case "JsonContext":
                    jsonContext = value.Value as ITypeSymbol;
                    break;
                case "InlineThresholdBytes":
                    if (value.Value is not long bytes)
                    {
                        return false;
                    }

                    threshold = bytes;
                    break;
                case "MaxConcurrency":
                    if (value.Value is not int concurrency)
                    {
                        return false;
                    }

                    maxConcurrency = concurrency;
                    break;
            }
        }

        values = new ClaimCheckAttributeValues(source, sourceIsExplicit, jsonContext, threshold, maxConcurrency, httpAnswer, presignSeconds);
        return true;
    }
}

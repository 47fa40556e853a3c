using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayloadGen;

/// <summary>
/// The tags on every offloaded object, so lifecycle rules can target them: <c>payloadgen=1</c>, the direction
/// (<c>payloadgen-direction=response|request|message</c>), the source when known (<c>payloadgen-source=sqs</c>…),
/// then the user's tags. Also the rules S3 holds tags to, checked at start-up rather than at the first offload.
/// </summary>
internal static class ObjectTagging
{
    /// <summary>The tag every PayloadGen object carries, with the value <c>1</c>.</summary>
    public const string MarkerKey = "payloadgen";

    /// <summary>The tag naming which way the payload travels.</summary>
    public const string DirectionKey = "payloadgen-direction";

    /// <summary>The tag naming how the payload is delivered, when known.</summary>
    public const string SourceKey = "payloadgen-source";

    /// <summary>S3's limit of tags on one object.</summary>
    public const int MaxTags = 10;

    /// <summary>What is left for the user's tags: S3's ten, less PayloadGen's three.</summary>
    public const int MaxUserTags = MaxTags - 3;

    private const int MaxKeyLength = 128;
    private const int MaxValueLength = 256;

    // Besides letters, digits and spaces, the characters every AWS service accepts in tags.
    private const string Punctuation = "+-=._:/@";

    /// <summary>PayloadGen's own tags for an object described by <paramref name="description"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> For(PayloadDescription description)
    {
        yield return new(MarkerKey, "1");
        yield return new(DirectionKey, description.Direction.ToString().ToLowerInvariant());
        if (description.Source is PayloadSource source)
        {
            yield return new(SourceKey, source.ToString().ToLowerInvariant());
        }
    }

    /// <summary>Why <paramref name="tags"/> cannot be put on an object beside PayloadGen's own, or <see langword="null"/>.</summary>
    public static string? Problem(IReadOnlyCollection<KeyValuePair<string, string>> tags)
    {
        if (tags.Count > MaxUserTags)
        {
            return string.Create(CultureInfo.InvariantCulture, $"holds {tags.Count} tags; S3 allows {MaxTags} per object and PayloadGen uses {MaxTags - MaxUserTags}, so at most {MaxUserTags} are left.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string key, string value) in tags)
        {
            if (key.Length is 0 or > MaxKeyLength || !IsTagText(key))
            {
                return $"has the tag key '{UntrustedName.Render(key)}'; a key is 1 to {MaxKeyLength} letters, digits, spaces and {Punctuation}.";
            }

            if (value.Length > MaxValueLength || !IsTagText(value))
            {
                return $"gives tag '{UntrustedName.Render(key)}' the value '{UntrustedName.Render(value)}'; a value is up to {MaxValueLength} letters, digits, spaces and {Punctuation}.";
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                return $"has the tag key '{UntrustedName.Render(key)}'; the aws: prefix is reserved for AWS.";
            }

            if (key.StartsWith(MarkerKey, StringComparison.Ordinal))
            {
                return $"has the tag key '{UntrustedName.Render(key)}'; keys starting with '{MarkerKey}' are PayloadGen's own.";
            }

            if (!seen.Add(key))
            {
                return $"names tag '{UntrustedName.Render(key)}' twice.";
            }
        }

        return null;
    }

    private static bool IsTagText(string text)
    {
        foreach (char c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == ' ' || Punctuation.Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}

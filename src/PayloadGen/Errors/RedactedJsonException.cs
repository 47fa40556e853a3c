using System;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen;

/// <summary>
/// Stands in for a <see cref="JsonException"/> inside PayloadGen's exceptions. System.Text.Json's messages quote the
/// payload: property names and dictionary keys in the path, the offending text of malformed JSON
/// (<c>'tru}}' is an invalid JSON literal</c>), values in converters' messages. Loggers print inner exceptions
/// (Lambda's runtime logs <see cref="Exception.ToString"/>), so the original never rides along: this copy keeps the
/// type (<c>catch (JsonException)</c> still works), line, byte position and stack trace, with a path whose data
/// segments are placeholders (<see cref="JsonErrorPath"/>) and a message built from those facts alone.
/// </summary>
internal sealed class RedactedJsonException : JsonException
{
    private RedactedJsonException(string reason, string? path, long? lineNumber, long? bytePositionInLine)
        : base(Describe(reason, path, lineNumber, bytePositionInLine), path, lineNumber, bytePositionInLine)
    {
        Reason = reason;
    }

    /// <summary>What went wrong, in words that quote nothing from the payload (e.g. "the text is not well-formed JSON").</summary>
    public string Reason { get; }

    /// <summary>The redacted stand-in for <paramref name="error"/>, read as <paramref name="root"/> (unknown: every name withheld).</summary>
    public static RedactedJsonException From(JsonException error, JsonTypeInfo? root)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is RedactedJsonException redacted)
        {
            return redacted;
        }

        (string? path, Type? leaf) = JsonErrorPath.Render(error.Path, root);
        var copy = new RedactedJsonException(ReasonFor(error, leaf), path, error.LineNumber, error.BytePositionInLine);
        if (error.StackTrace is string trace)
        {
            // Frames name methods, never data; where a converter failed is worth keeping.
            ExceptionDispatchInfo.SetRemoteStackTrace(copy, trace);
        }

        return copy;
    }

    /// <summary>
    /// The redacted copy of a <see cref="NotSupportedException"/> System.Text.Json threw while reading a payload (an
    /// interface or abstract type without its type discriminator, a type it cannot construct): its message ends in the
    /// raw path, dictionary keys included, so neither the message nor the exception is kept, only where it was thrown.
    /// </summary>
    public static RedactedJsonException FromUnsupported(NotSupportedException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var copy = new RedactedJsonException(
            "System.Text.Json cannot create the declared type from this JSON (an interface or abstract type needs its type discriminator, or the type cannot be constructed; the detail is withheld because it may quote the payload)",
            path: null,
            lineNumber: null,
            bytePositionInLine: null);
        if (error.StackTrace is string trace)
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(copy, trace);
        }

        return copy;
    }

    private static string ReasonFor(JsonException error, Type? leaf)
    {
        // The reader's own exception type is internal to System.Text.Json; it derives from JsonException and is
        // thrown directly by Utf8JsonReader or wrapped by the serializer.
        Type jsonAssemblyType = typeof(JsonException);
        bool fromReader = error.InnerException is JsonException
            || (error.GetType() != jsonAssemblyType && error.GetType().Assembly == jsonAssemblyType.Assembly);
        if (fromReader)
        {
            return "the text is not well-formed JSON";
        }

        if (error.InnerException is InvalidOperationException or FormatException or OverflowException)
        {
            return leaf is null
                ? "a value does not have the JSON type its member is declared with"
                : $"the JSON value could not be converted to {leaf}";
        }

        return "the JSON does not match the declared type (System.Text.Json's detail is withheld because it may quote the payload)";
    }

    private static string Describe(string reason, string? path, long? lineNumber, long? bytePositionInLine)
        => string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(reason[0])}{reason.AsSpan(1)}. Path: {path ?? "(none)"} | LineNumber: {lineNumber?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} | BytePositionInLine: {bytePositionInLine?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}.");
}

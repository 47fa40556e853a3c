using System;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// Base of every error PayloadGen raises about a payload. Messages name the bucket, key and sizes involved, never
/// the payload's contents or any credential, so they are safe to log — and so is <see cref="Exception.ToString"/>,
/// which loggers (and Lambda's runtime, for an unhandled exception) print with every inner exception: a
/// <see cref="JsonException"/>, whose message quotes the payload, is never attached as it is but as a redacted copy.
/// </summary>
public abstract class ClaimCheckException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    protected ClaimCheckException(string message, Exception? innerException = null)
        : base(message, innerException is JsonException json ? RedactedJsonException.From(json, root: null) : innerException)
    {
    }
}

using System;

namespace PayloadGen;

/// <summary>
/// Base of every error PayloadGen raises about a payload. Messages name the bucket, key and sizes involved, never
/// the payload's contents or any credential, so they are safe to log.
/// </summary>
public abstract class ClaimCheckException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    protected ClaimCheckException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

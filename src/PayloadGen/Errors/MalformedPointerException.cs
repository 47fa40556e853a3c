using System;

namespace PayloadGen;

/// <summary>A payload carries a pointer marker but the pointer is not well formed.</summary>
public sealed class MalformedPointerException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public MalformedPointerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

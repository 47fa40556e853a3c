using System;

namespace PayloadGen;

/// <summary>The store failed to read, write or delete a payload (throttling, network, permissions).</summary>
public sealed class PayloadStoreException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

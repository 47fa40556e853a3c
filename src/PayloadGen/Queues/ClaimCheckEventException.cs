using System;

namespace PayloadGen;

/// <summary>The invocation payload is not the event the handler's source delivers (e.g. not an SQS event).</summary>
public sealed class ClaimCheckEventException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public ClaimCheckEventException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace PayloadGen;

/// <summary>PayloadGen's configuration cannot work: a variable holds an unusable value, or a required one is missing.</summary>
public sealed class ClaimCheckConfigurationException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public ClaimCheckConfigurationException(string message)
        : base(message)
    {
    }
}

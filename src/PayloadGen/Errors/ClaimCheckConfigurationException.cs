namespace PayloadGen;

/// <summary>PayloadGen's configuration cannot work: a variable holds an unusable value, or a required one is missing.</summary>
public sealed class ClaimCheckConfigurationException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public ClaimCheckConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a setting that failed when it was put to use.</summary>
    public ClaimCheckConfigurationException(string message, System.Exception innerException)
        : base(message, innerException)
    {
    }
}

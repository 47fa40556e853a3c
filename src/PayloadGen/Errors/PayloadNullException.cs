using System;

namespace PayloadGen;

/// <summary>
/// A payload is JSON <c>null</c>, but the handler's payload parameter is not nullable. The generator passes
/// <see langword="null"/> only to a parameter declared nullable (<c>Order?</c>); for any other it refuses the payload
/// with this exception instead of handing the method a <see langword="null"/> its signature says cannot occur.
/// </summary>
public sealed class PayloadNullException : ClaimCheckException
{
    /// <summary>Creates the exception.</summary>
    public PayloadNullException(Type targetType)
        : base($"The payload is JSON null, but the handler's {targetType?.FullName} parameter is not nullable. Send a {targetType?.Name} value, or declare the parameter as {targetType?.Name}? to accept null.")
    {
        TargetType = targetType ?? throw new ArgumentNullException(nameof(targetType));
    }

    /// <summary>The payload parameter's type.</summary>
    public Type TargetType { get; }
}

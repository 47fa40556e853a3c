using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Parsing;

/// <summary>Which types a wrapper can read a request as or write a response as.</summary>
internal static class PayloadTypes
{
    /// <summary>The <c>T</c> of <c>IAsyncEnumerable&lt;T&gt;</c>, or <see langword="null"/> when <paramref name="type"/> is something else.</summary>
    public static ITypeSymbol? AsyncSequenceItem(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && SymbolNames.Is(named.OriginalDefinition, KnownTypeNames.AsyncEnumerableOfT)
                ? named.TypeArguments[0]
                : null;

    /// <summary>
    /// Why <paramref name="type"/> cannot be the type argument of <c>JsonTypeInfo&lt;T&gt;</c> in the wrapper, or
    /// <see langword="null"/> when it can. Type parameters pass: they only occur in generic methods and types, which
    /// are refused for that reason, and reporting them again would repeat it.
    /// </summary>
    public static PayloadTypeProblem? Problem(ITypeSymbol type)
    {
        switch (type)
        {
            case IErrorTypeSymbol:
                return PayloadTypeProblem.Unresolved;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return PayloadTypeProblem.Unsupported;
            case IArrayTypeSymbol array:
                return Problem(array.ElementType);
            case INamedTypeSymbol named:
                if (named.IsRefLikeType)
                {
                    return PayloadTypeProblem.Unsupported;
                }

                if (IsRefusedBySystemTextJson(named))
                {
                    return PayloadTypeProblem.NotJson;
                }

                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    if (Problem(argument) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return type.IsRefLikeType ? PayloadTypeProblem.Unsupported : null;
        }
    }

    /// <summary>
    /// Whether <paramref name="type"/> is an AWS event envelope of SQS or SNS (<c>SQSEvent</c>, <c>SQSEvent.SQSMessage</c>,
    /// <c>SNSEvent</c>, its records and messages), found by namespace as the event packages are: the wrapper reads pointers
    /// in record bodies only when it runs the batch loop itself and hands each body to the method, so a method that takes
    /// the envelope would get every offloaded body as an unread pointer.
    /// </summary>
    public static bool IsQueueEnvelope(ITypeSymbol type)
    {
        ITypeSymbol item = AsyncSequenceItem(type) ?? type;
        if (item is IArrayTypeSymbol array)
        {
            item = array.ElementType;
        }

        return SymbolNames.IsInNamespace(item, KnownTypeNames.SqsEventsNamespace) || SymbolNames.IsInNamespace(item, KnownTypeNames.SnsEventsNamespace);
    }

    // System.Text.Json's UnsupportedTypeConverterFactory refuses these (and types derived from them) with
    // NotSupportedException whatever the options; a stream is an abstract class JSON cannot create or usefully write.
    private static bool IsRefusedBySystemTextJson(INamedTypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            return true;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType is SpecialType.System_Delegate
                || SymbolNames.Is(current, KnownTypeNames.Stream)
                || SymbolNames.Is(current, KnownTypeNames.SystemType)
                || SymbolNames.Is(current, KnownTypeNames.MemberInfo)
                || SymbolNames.Is(current, KnownTypeNames.SerializationInfo))
            {
                return true;
            }
        }

        return false;
    }
}

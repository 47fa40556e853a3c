using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>Predicates and keys that bound a LINQ query although it has no <c>Take</c>.</summary>
internal static class LinqBounds
{
    /// <summary>
    /// For <c>Where(x =&gt; x.Id == id)</c> (alone or joined by <c>&amp;&amp;</c>) on the element's key — a property with
    /// <c>[Key]</c>, or named <c>Id</c> or <c>{Type}Id</c> as EF Core's conventions have it — the key's name: such a query
    /// returns at most one row. Foreign keys (<c>x.CustomerId == id</c> on an Order) are not keys.
    /// </summary>
    public static string? KeyLookup(IInvocationOperation where, SizeSymbols symbols)
    {
        if (LambdaArgument(where) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
        {
            return null;
        }

        IParameterSymbol element = lambda.Symbol.Parameters[0];
        return ReturnedExpression(lambda) is { } condition ? KeyEquality(condition, element, symbols) : null;
    }

    /// <summary>For <c>GroupBy(x =&gt; x.Status)</c> with an enum or bool key, a description of the few groups it can make.</summary>
    public static string? SmallGroupKey(IInvocationOperation groupBy)
    {
        if (LambdaArgument(groupBy) is not { } lambda || ReturnedExpression(lambda)?.Type is not { } keyType)
        {
            return null;
        }

        if (keyType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            keyType = nullable.TypeArguments[0];
        }

        if (keyType.SpecialType == SpecialType.System_Boolean)
        {
            return "a bool (2 groups)";
        }

        if (keyType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            int members = 0;
            foreach (ISymbol member in enumType.GetMembers())
            {
                members += member is IFieldSymbol { IsConst: true } ? 1 : 0;
            }

            return "the enum " + enumType.Name + " (" + OperationText.Count(members) + " groups)";
        }

        return null;
    }

    private static string? KeyEquality(IOperation condition, IParameterSymbol element, SizeSymbols symbols)
    {
        condition = OperationText.UnwrapAll(condition);
        if (condition is not IBinaryOperation binary)
        {
            return null;
        }

        if (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd)
        {
            return KeyEquality(binary.LeftOperand, element, symbols) ?? KeyEquality(binary.RightOperand, element, symbols);
        }

        if (binary.OperatorKind != BinaryOperatorKind.Equals)
        {
            return null;
        }

        foreach (IOperation side in new[] { binary.LeftOperand, binary.RightOperand })
        {
            if (OperationText.UnwrapAll(side) is IPropertyReferenceOperation { Instance: IParameterReferenceOperation owner, Property: { } property }
                && SymbolEqualityComparer.Default.Equals(owner.Parameter, element)
                && IsKeyProperty(property, symbols))
            {
                return property.ContainingType.Name + "." + property.Name;
            }
        }

        return null;
    }

    private static bool IsKeyProperty(IPropertySymbol property, SizeSymbols symbols)
    {
        foreach (AttributeData attribute in property.GetAttributes())
        {
            if (SizeSymbols.Is(attribute.AttributeClass, symbols.Key))
            {
                return true;
            }
        }

        return property.Name == "Id" || property.Name == property.ContainingType.Name + "Id";
    }

    /// <summary>The first lambda argument of a LINQ operator (the predicate or selector), for Enumerable and Queryable alike.</summary>
    private static IAnonymousFunctionOperation? LambdaArgument(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            IOperation value = OperationText.UnwrapAll(argument.Value);
            if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                return lambda;
            }

            if (value is IAnonymousFunctionOperation direct)
            {
                return direct;
            }
        }

        return null;
    }

    private static IOperation? ReturnedExpression(IAnonymousFunctionOperation lambda)
    {
        foreach (IOperation statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: { } value })
            {
                return value;
            }
        }

        return null;
    }
}

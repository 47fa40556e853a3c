using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Loops that read a text reader line by line until it ends (<c>while (!reader.EndOfStream)</c>, <c>while ((line =
/// reader.ReadLine()) != null)</c>): what such a loop adds to a local is the whole stream, one line at a time, as
/// <c>ReadToEnd</c> would have read it. A loop that can stop earlier (another condition, a <c>break</c>) is not one.
/// </summary>
internal static class ReaderLoops
{
    /// <summary>The line-reading API (<c>ReadLineAsync</c>) of a loop around <paramref name="operation"/> that runs to the end of its reader, if any.</summary>
    public static string? LineReadAround(IOperation operation, SizeSymbols symbols)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current is IWhileLoopOperation { Condition: { } condition } loop
                && EndsWithItsReader(condition, symbols)
                && !CanLeaveEarly(loop)
                && LineRead(loop, symbols) is { } read)
            {
                return read;
            }
        }

        return null;
    }

    /// <summary>
    /// The condition is only the end of a reader: <c>!reader.EndOfStream</c>, or a line read compared with null.
    /// Anything joined to it (<c>&amp;&amp; rows.Count &lt; 100</c>) may stop the loop first.
    /// </summary>
    private static bool EndsWithItsReader(IOperation condition, SizeSymbols symbols)
    {
        IOperation test = OperationText.UnwrapAll(condition);
        if (test is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            test = OperationText.UnwrapAll(not.Operand);
        }

        return test switch
        {
            IPropertyReferenceOperation { Property.Name: "EndOfStream" } endOfStream => IsReader(endOfStream.Property.ContainingType, symbols),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } comparison => IsNull(comparison.RightOperand) ? ReadsLine(comparison.LeftOperand, symbols) : IsNull(comparison.LeftOperand) && ReadsLine(comparison.RightOperand, symbols),
            IIsPatternOperation pattern => ReadsLine(pattern.Value, symbols),
            _ => false,
        };
    }

    private static bool ReadsLine(IOperation operand, SizeSymbols symbols) => OperationText.UnwrapAll(operand) switch
    {
        ISimpleAssignmentOperation assignment => ReadsLine(assignment.Value, symbols),
        IAwaitOperation awaited => ReadsLine(awaited.Operation, symbols),
        IInvocationOperation invocation => IsLineRead(invocation, symbols),
        _ => false,
    };

    private static bool IsNull(IOperation operand) => OperationText.UnwrapAll(operand).ConstantValue is { HasValue: true, Value: null };

    /// <summary>A <c>break</c>, <c>return</c> or <c>goto</c> in the body may leave before the end of the stream.</summary>
    private static bool CanLeaveEarly(IWhileLoopOperation loop)
    {
        foreach (IOperation descendant in loop.Body.Descendants())
        {
            if (descendant is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.GoTo } or IReturnOperation { Kind: OperationKind.Return })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of the first line read in the loop (its condition or body).</summary>
    private static string? LineRead(IWhileLoopOperation loop, SizeSymbols symbols)
    {
        foreach (IOperation descendant in loop.Descendants())
        {
            if (descendant is IInvocationOperation invocation && IsLineRead(invocation, symbols))
            {
                return invocation.TargetMethod.Name;
            }
        }

        return null;
    }

    private static bool IsLineRead(IInvocationOperation invocation, SizeSymbols symbols) =>
        invocation.TargetMethod.Name.StartsWith("ReadLine", StringComparison.Ordinal) && IsReader(invocation.TargetMethod.ContainingType, symbols);

    private static bool IsReader(INamedTypeSymbol? type, SizeSymbols symbols) => SizeSymbols.IsOrDerives(type, symbols.TextReader);
}

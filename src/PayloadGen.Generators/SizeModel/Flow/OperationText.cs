using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>Small shared readings of operations: conversions peeled off, and source shortened to name a query's source in evidence.</summary>
internal static class OperationText
{
    /// <summary>The operand under implicit conversions.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operand under every conversion, implicit or not.</summary>
    public static IOperation UnwrapAll(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>A constant as text, or the operation's source.</summary>
    public static string Describe(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: { } value } ? System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "n" : Snippet(operation);

    /// <summary>The operation's source on one line, shortened for a message.</summary>
    public static string Snippet(IOperation operation) => Snippet(operation.Syntax.ToString());

    /// <summary><paramref name="source"/> on one line (whitespace runs collapsed), shortened for a message.</summary>
    public static string Snippet(string source)
    {
        const int MaxLength = 60;
        var text = new StringBuilder();
        bool space = false;
        foreach (char c in source)
        {
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
            if (text.Length >= MaxLength)
            {
                return text.Append('\u2026').ToString();
            }
        }

        return text.ToString();
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using System;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The SQL a query call runs, as far as the code shows it, and what it says about how many rows come back. Text the
/// code builds at run time (an interpolation hole, a concatenated variable) is read as an unknown token, so a row limit
/// written around it still counts; SQL the code does not show (a parameter, a method's result) is unknown and proves
/// nothing either way.
/// </summary>
internal static class SqlText
{
    // Unknown parts of a built statement; never matches a keyword.
    private const string Hole = " ? ";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A row limit with a literal or a parameter: T-SQL TOP, LIMIT (PostgreSQL, MySQL, SQLite), ANSI FETCH, Oracle ROWNUM.
    private static readonly Regex RowLimit = new(
        @"\b(?:TOP\s*\(?\s*(?:\d+|[@:$]\w+|\?)\s*\)?|LIMIT\s+(?:\d+|[@:$]\w+|\?)|FETCH\s+(?:FIRST|NEXT)\s+(?:(?:\d+|[@:$]\w+|\?)\s+)?ROWS?\s+ONLY|ROWNUM\s*<=?\s*(?:\d+|[@:$]\w+|\?))",
        Options,
        MatchTimeout);

    // One row: only aggregates in the select list and no GROUP BY.
    private static readonly Regex AggregateOnly = new(
        @"^\s*SELECT\s+(?:(?:COUNT|SUM|MIN|MAX|AVG)\s*\([^()]*\)(?:\s+(?:AS\s+)?\w+)?\s*,?\s*)+\s+FROM\b",
        Options,
        MatchTimeout);

    private static readonly Regex GroupBy = new(@"\bGROUP\s+BY\b", Options, MatchTimeout);

    // WHERE <alias.>column = <parameter> with nothing that widens it (OR, IN).
    private static readonly Regex KeyEquality = new(
        @"\bWHERE\s+(?:\w+\.)?\[?""?(?<column>\w+)""?\]?\s*=\s*(?:[@:$]\w+|\?|\d+|'[^']*')\s*(?:;|\z|\bAND\b|\bORDER\b)",
        Options,
        MatchTimeout);

    private static readonly Regex Widening = new(@"\b(?:OR|IN|UNION|JOIN)\b", Options, MatchTimeout);

    private static readonly Regex Select = new(@"^\s*(?:\(\s*)*(?:SELECT|WITH)\b", Options, MatchTimeout);

    /// <summary>
    /// The statement <paramref name="value"/> holds: a constant, an interpolation or concatenation (unknown parts as
    /// holes), or a local's one write; null when none of it is visible.
    /// </summary>
    public static string? Of(IOperation value, ValueTrace trace)
    {
        var text = new StringBuilder();
        return Append(value, trace, text, depth: 0) ? text.ToString() : null;
    }

    /// <summary>Whether the statement reads rows (SELECT, or a CTE ending in one).</summary>
    public static bool IsSelect(string sql) => Matches(Select, sql) is not null;

    /// <summary>
    /// The clause that bounds the rows <paramref name="sql"/> returns (<c>LIMIT @take</c>, <c>TOP 20</c>, a lookup of the
    /// key of <paramref name="rowType"/>, a lone aggregate), or null when the statement returns every matching row.
    /// </summary>
    public static string? BoundOf(string sql, ITypeSymbol? rowType)
    {
        if (Matches(RowLimit, sql) is { } limit)
        {
            return OperationText.Snippet(limit.Value);
        }

        if (Matches(AggregateOnly, sql) is not null && Matches(GroupBy, sql) is null)
        {
            return "one aggregate row";
        }

        // Id, or the row type's name + Id (OrderId for Order): the conventions for a primary key. A foreign key
        // (CustomerId for an Order) matches many rows, so it is not a bound.
        if (Matches(KeyEquality, sql) is { } lookup && Matches(Widening, sql) is null)
        {
            string column = lookup.Groups["column"].Value;
            if (column.Equals("Id", StringComparison.OrdinalIgnoreCase)
                || rowType is not null && column.Equals(rowType.Name + "Id", StringComparison.OrdinalIgnoreCase))
            {
                return "WHERE " + column + " =";
            }
        }

        return null;
    }

    private static Match? Matches(Regex regex, string sql)
    {
        try
        {
            Match match = regex.Match(sql);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological text proves nothing; the analyzer must never hang on it.
            return null;
        }
    }

    private static bool Append(IOperation value, ValueTrace trace, StringBuilder text, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        value = OperationText.Unwrap(value);
        switch (value)
        {
            case { ConstantValue: { HasValue: true, Value: string constant } }:
                text.Append(constant);
                return true;
            case IInterpolatedStringOperation interpolated:
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string literal } })
                    {
                        text.Append(literal);
                    }
                    else
                    {
                        text.Append(Hole);
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                bool left = Append(concatenation.LeftOperand, trace, text, depth + 1) || Unknown(text);
                bool right = Append(concatenation.RightOperand, trace, text, depth + 1) || Unknown(text);
                return left || right;
            case ILocalReferenceOperation local when trace.WritesOf(local.Local) is [IOperation only]:
                return Append(only, trace, text, depth + 1);
            case IObjectCreationOperation { Arguments: [IArgumentOperation command, ..] } creation when creation.Type?.Name == "CommandDefinition":
                return Append(command.Value, trace, text, depth + 1);
            default:
                return false;
        }
    }

    private static bool Unknown(StringBuilder text)
    {
        text.Append(Hole);
        return false;
    }
}

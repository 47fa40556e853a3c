using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The JSON size of an enum: its underlying number, or with <c>JsonStringEnumConverter</c> its member names (for
/// <c>[Flags]</c>, every set flag joined with ", ").
/// </summary>
internal static class EnumSizes
{
    public static SizeEstimate Estimate(INamedTypeSymbol type, SizeSymbols symbols, bool asString)
    {
        ByteRange numeric = ScalarSizes.ForSpecialType(type.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32) ?? new ByteRange(1, 20);
        if (!asString)
        {
            return SizeEstimate.Fixed(numeric);
        }

        bool isFlags = false;
        INamedTypeSymbol? flagsAttribute = symbols.FlagsAttribute;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            isFlags |= SizeSymbols.Is(attribute.AttributeClass, flagsAttribute);
        }

        long shortest = long.MaxValue;
        long longest = 0;
        long nonZeroNames = 0;
        int nonZeroCount = 0;
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                long length = JsonEscaping.EscapedLength(field.Name);
                shortest = Math.Min(shortest, length);
                longest = Math.Max(longest, length);
                if (System.Convert.ToDecimal(field.ConstantValue, CultureInfo.InvariantCulture) != 0)
                {
                    nonZeroNames += length;
                    nonZeroCount++;
                }
            }
        }

        // A flags value names every set flag joined with ", "; values without a name are written as numbers.
        long named = 2 + (isFlags ? nonZeroNames + (2 * Math.Max(0, nonZeroCount - 1)) : longest);
        long min = shortest == long.MaxValue ? numeric.Min : Math.Min(numeric.Min, 2 + shortest);
        return SizeEstimate.Fixed(new ByteRange(min, Math.Max(numeric.Max, named)));
    }
}

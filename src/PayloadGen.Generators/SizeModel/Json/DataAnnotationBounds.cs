using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Length bounds declared with data annotations: <c>[MaxLength]</c>, <c>[MinLength]</c>, <c>[Length(min, max)]</c>,
/// <c>[StringLength(max, MinimumLength = min)]</c>, in characters, bytes or items depending on the member's type.
/// </summary>
internal static class DataAnnotationBounds
{
    /// <summary>The declared length bounds (characters, bytes or items) from data-annotation attributes.</summary>
    public static ByteRange? Of(ImmutableArray<AttributeData> attributes, SizeSymbols symbols)
    {
        long min = 0;
        long max = ByteRange.Unbounded;
        bool found = false;
        foreach (AttributeData attribute in attributes)
        {
            ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
            if (SizeSymbols.Is(attribute.AttributeClass, symbols.MaxLength) && arguments.Length == 1 && arguments[0].Value is int maxLength && maxLength >= 0)
            {
                max = Math.Min(max, maxLength);
                found = true;
            }
            else if (SizeSymbols.Is(attribute.AttributeClass, symbols.MinLength) && arguments.Length == 1 && arguments[0].Value is int minLength)
            {
                min = Math.Max(min, minLength);
                found = true;
            }
            else if (SizeSymbols.Is(attribute.AttributeClass, symbols.Length) && arguments.Length == 2 && arguments[0].Value is int lower && arguments[1].Value is int upper)
            {
                min = Math.Max(min, lower);
                max = Math.Min(max, upper);
                found = true;
            }
            else if (SizeSymbols.Is(attribute.AttributeClass, symbols.StringLength) && arguments.Length == 1 && arguments[0].Value is int stringMax)
            {
                max = Math.Min(max, stringMax);
                found = true;
                foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                {
                    if (named.Key == "MinimumLength" && named.Value.Value is int stringMin)
                    {
                        min = Math.Max(min, stringMin);
                    }
                }
            }
        }

        return found ? new ByteRange(Math.Max(0, min), Math.Max(Math.Max(0, min), max)) : null;
    }
}

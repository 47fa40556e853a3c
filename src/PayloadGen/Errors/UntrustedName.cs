using System;
using System.Globalization;
using System.Text;

namespace PayloadGen;

/// <summary>
/// Renders a name the sender controls (a pointer's bucket or key, a marker value) for an exception message that
/// will be logged: control, format and line-separator characters are escaped (no forged log lines, no terminal
/// escape sequences, no bidi tricks), quotes and backslashes are escaped so the quoting stays unambiguous, and
/// the length is capped. Every exception that quotes a bucket or key goes through here; the raw value stays
/// available on the exception's properties.
/// </summary>
internal static class UntrustedName
{
    /// <summary>The most characters of a name a message quotes; S3 keys go up to 1,024.</summary>
    public const int MaxLength = 256;

    /// <summary>The name, safe to put between single quotes in a log line.</summary>
    public static string Render(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        int shown = Math.Min(value.Length, MaxLength);
        if (shown < value.Length && char.IsHighSurrogate(value[shown - 1]))
        {
            shown--;
        }

        if (shown == value.Length && !NeedsEscaping(value))
        {
            return value;
        }

        var text = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\\': text.Append("\\\\"); break;
                case '\'': text.Append("\\'"); break;
                default:
                    if (IsUnsafe(value, i))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        if (shown < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"…(+{value.Length - shown} chars)");
        }

        return text.ToString();
    }

    /// <summary>
    /// The message of <paramref name="error"/>, safe for one log line: PayloadGen's own messages already are; any
    /// other (a handler's exception) may quote what the sender wrote, and is rendered like a name.
    /// </summary>
    public static string MessageOf(Exception error) => error is ClaimCheckException ? error.Message : Render(error.Message);

    private static bool NeedsEscaping(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] is '\\' or '\'' || IsUnsafe(value, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(string value, int index)
    {
        char c = value[index];
        if (char.IsSurrogate(c))
        {
            // A well-formed pair is an ordinary character; a lone half is not text.
            return char.IsHighSurrogate(c)
                ? index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1])
                : index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        return char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}

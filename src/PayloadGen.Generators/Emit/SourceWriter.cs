using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PayloadGen.Generators.Emit;

/// <summary>
/// Writes C# text line by line at the current indentation. Lines end in <c>\n</c> on every platform, so the
/// generated files (and their snapshots) are byte-identical wherever they are built.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentationSize = 4;

    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>The current indentation level.</summary>
    public int Indentation
    {
        get => _indentation;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Indentation cannot be negative.");
            }

            _indentation = value;
        }
    }

    /// <summary>Writes <paramref name="text"/>, each of its lines at the current indentation.</summary>
    public void WriteLine(string text)
    {
        // Line by line in place: no array and no string per line (a wrapper is mostly one-line calls).
        for (int start = 0; ;)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            while (end > start && text[end - 1] == '\r')
            {
                end--;
            }

            if (end > start)
            {
                _builder.Append(' ', _indentation * IndentationSize).Append(text, start, end - start);
            }

            _builder.Append('\n');
            if (newline < 0)
            {
                return;
            }

            start = newline + 1;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Outdents and writes <c>}</c>.</summary>
    public void CloseBlock()
    {
        Indentation--;
        WriteLine("}");
    }

    /// <summary>The text written so far, as UTF-8 source.</summary>
    public SourceText ToSourceText() => SourceText.From(_builder.ToString(), Encoding.UTF8);

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();
}

using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PayloadGen.Generators.Deployment;

/// <summary>
/// A forgiving JSON reader for deployment files: objects, arrays, strings and bare literals, with the span of every
/// string. Returns null instead of throwing on malformed input (files are often mid-edit in the IDE).
/// </summary>
internal sealed class MinimalJsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;

    private MinimalJsonReader(string text) => _text = text;

    public static DeploymentNode? Read(string text)
    {
        var reader = new MinimalJsonReader(text);
        reader.SkipWhitespace();
        return reader.ReadValue(0);
    }

    private DeploymentNode? ReadValue(int depth)
    {
        if (depth > MaxDepth || _position >= _text.Length)
        {
            return null;
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString();
            default:
                int start = _position;
                while (_position < _text.Length && !IsDelimiter(_text[_position]))
                {
                    _position++;
                }

                return _position == start ? null : new DeploymentNode(_text.Substring(start, _position - start), TextSpan.FromBounds(start, _position));
        }
    }

    private DeploymentNode? ReadObject(int depth)
    {
        var node = new DeploymentNode();
        _position++;
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return node;
        }

        while (_position < _text.Length)
        {
            SkipWhitespace();
            if (Peek() != '"' || ReadString() is not { Scalar: { } key })
            {
                return null;
            }

            SkipWhitespace();
            if (!TryConsume(':'))
            {
                return null;
            }

            SkipWhitespace();
            DeploymentNode? value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            node.Add(key, value);
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return node;
            }

            if (!TryConsume(','))
            {
                return null;
            }
        }

        return null;
    }

    private DeploymentNode? ReadArray(int depth)
    {
        var node = new DeploymentNode();
        _position++;
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return node;
        }

        int index = 0;
        while (_position < _text.Length)
        {
            SkipWhitespace();
            if (ReadValue(depth + 1) is not { } element)
            {
                return null;
            }

            // Elements are kept under their index, so references such as ["Function", "Arn"] can be read.
            node.Add(index++.ToString(System.Globalization.CultureInfo.InvariantCulture), element);

            SkipWhitespace();
            if (TryConsume(']'))
            {
                return node;
            }

            if (!TryConsume(','))
            {
                return null;
            }
        }

        return null;
    }

    private DeploymentNode? ReadString()
    {
        int start = ++_position;
        StringBuilder? builder = null;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '"')
            {
                string value = builder?.ToString() ?? _text.Substring(start, _position - start);
                var node = new DeploymentNode(value, TextSpan.FromBounds(start, _position));
                _position++;
                return node;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder(_text, start, _position - start, 64);
                if (++_position >= _text.Length)
                {
                    return null;
                }

                char escaped = _text[_position];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when _position + 4 < _text.Length
                        && int.TryParse(_text.Substring(_position + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int code):
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default: builder.Append(escaped); break;
                }

                _position++;
                continue;
            }

            if (c == '\n')
            {
                return null;
            }

            builder?.Append(c);
            _position++;
        }

        return null;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool TryConsume(char c)
    {
        if (Peek() == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private static bool IsDelimiter(char c) => c is ',' or '}' or ']' or ':' or '"' || char.IsWhiteSpace(c);
}

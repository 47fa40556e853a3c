using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PayloadGen.Generators.Deployment;

/// <summary>
/// Reads the block-mapping subset of YAML that SAM templates use for <c>Resources</c>, <c>Handler</c> and
/// <c>Events</c>: indentation-nested <c>key: value</c> lines, quoted or plain scalars, comments. Sequences, flow
/// collections and block scalars are skipped. A full YAML parser is not worth a dependency in the analyzer.
/// </summary>
internal static class MinimalYamlReader
{
    public static DeploymentNode Read(string text)
    {
        var root = new DeploymentNode();
        var stack = new Stack<(int Indent, DeploymentNode Node)>();
        stack.Push((-1, root));
        int? blockScalarIndent = null;

        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            ReadLine(text, lineStart, lineEnd, stack, ref blockScalarIndent);
            lineStart = lineEnd + 1;
        }

        return root;
    }

    private static void ReadLine(string text, int start, int end, Stack<(int Indent, DeploymentNode Node)> stack, ref int? blockScalarIndent)
    {
        int position = start;
        while (position < end && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }

        int indent = position - start;
        int contentEnd = ContentEnd(text, position, end);
        if (contentEnd <= position)
        {
            return;
        }

        if (blockScalarIndent is int parentIndent)
        {
            if (indent > parentIndent)
            {
                return;
            }

            blockScalarIndent = null;
        }

        if (indent == 0 && (StartsWith(text, position, "---") || StartsWith(text, position, "...") || text[position] == '%'))
        {
            return;
        }

        while (stack.Peek().Indent >= indent)
        {
            stack.Pop();
        }

        DeploymentNode parent = stack.Peek().Node;
        if (text[position] == '-' && (position + 1 == contentEnd || text[position + 1] == ' '))
        {
            // A sequence item: nothing the analyzers read lives in one, so its content attaches to a detached node.
            stack.Push((indent, new DeploymentNode()));
            return;
        }

        if (!TryReadKey(text, position, contentEnd, out string key, out int valueStart))
        {
            return;
        }

        while (valueStart < contentEnd && text[valueStart] == ' ')
        {
            valueStart++;
        }

        if (valueStart >= contentEnd)
        {
            var mapping = new DeploymentNode();
            parent.Add(key, mapping);
            stack.Push((indent, mapping));
            return;
        }

        char first = text[valueStart];
        if (first is '|' or '>')
        {
            parent.Add(key, new DeploymentNode(string.Empty, new TextSpan(valueStart, 0)));
            blockScalarIndent = indent;
            return;
        }

        DeploymentNode scalar = ReadScalar(text, valueStart, contentEnd);
        parent.Add(key, scalar);
        stack.Push((indent, scalar));
    }

    private static DeploymentNode ReadScalar(string text, int start, int end)
    {
        char quote = text[start];
        if (quote is '"' or '\'')
        {
            int close = start + 1;
            while (close < end && text[close] != quote)
            {
                close += quote == '"' && text[close] == '\\' ? 2 : 1;
            }

            close = close > end ? end : close;
            return new DeploymentNode(text.Substring(start + 1, close - start - 1), TextSpan.FromBounds(start + 1, close));
        }

        int valueEnd = end;
        while (valueEnd > start && char.IsWhiteSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return new DeploymentNode(text.Substring(start, valueEnd - start), TextSpan.FromBounds(start, valueEnd));
    }

    private static bool TryReadKey(string text, int start, int end, out string key, out int valueStart)
    {
        key = string.Empty;
        valueStart = end;
        int keyEnd;
        int colon;
        if (text[start] is '"' or '\'')
        {
            int close = text.IndexOf(text[start], start + 1);
            if (close < 0 || close >= end)
            {
                return false;
            }

            key = text.Substring(start + 1, close - start - 1);
            colon = close + 1;
            while (colon < end && text[colon] == ' ')
            {
                colon++;
            }

            if (colon >= end || text[colon] != ':')
            {
                return false;
            }
        }
        else
        {
            colon = start;
            while (colon < end && !(text[colon] == ':' && (colon + 1 == end || text[colon + 1] == ' ')))
            {
                colon++;
            }

            if (colon >= end)
            {
                return false;
            }

            keyEnd = colon;
            while (keyEnd > start && text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }

            key = text.Substring(start, keyEnd - start);
        }

        valueStart = colon + 1;
        return key.Length > 0;
    }

    /// <summary>Where the line's content ends: before a comment and trailing whitespace or carriage return.</summary>
    private static int ContentEnd(string text, int start, int end)
    {
        char quote = '\0';
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && (i == start || text[i - 1] == ' ' || text[i - 1] == ':'))
            {
                quote = c;
            }
            else if (c == '#' && (i == start || text[i - 1] == ' ' || text[i - 1] == '\t'))
            {
                end = i;
                break;
            }
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool StartsWith(string text, int position, string value) =>
        string.CompareOrdinal(text, position, value, 0, value.Length) == 0;
}

using System;

namespace PayloadGen.Generators.Deployment;

/// <summary>A .NET class-library Lambda handler string: <c>Assembly::Namespace.Type::Method</c>.</summary>
internal sealed class HandlerString
{
    private HandlerString(string text, string assembly, string typeName, string method)
    {
        Text = text;
        Assembly = assembly;
        TypeName = typeName;
        Method = method;
    }

    public string Text { get; }

    public string Assembly { get; }

    /// <summary>The type's metadata name (<c>+</c> separates nested types).</summary>
    public string TypeName { get; }

    public string Method { get; }

    public static HandlerString? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        int first = trimmed.IndexOf("::", StringComparison.Ordinal);
        int last = trimmed.LastIndexOf("::", StringComparison.Ordinal);
        if (first <= 0 || last <= first + 2 || last + 2 >= trimmed.Length)
        {
            return null;
        }

        return new HandlerString(
            trimmed,
            trimmed.Substring(0, first),
            trimmed.Substring(first + 2, last - first - 2),
            trimmed.Substring(last + 2));
    }

    /// <summary>The same handler pointing at another method of the type.</summary>
    public string WithMethod(string method) => Assembly + "::" + TypeName + "::" + method;
}

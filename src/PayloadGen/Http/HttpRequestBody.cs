using System.Globalization;
using System.Text;

namespace PayloadGen;

/// <summary>An HTTP request body read from an upload slot, ready to replace the pointer the client sent.</summary>
/// <param name="Body">The content: the text itself for JSON and text types, base64 for anything else.</param>
/// <param name="IsBase64Encoded">Whether <paramref name="Body"/> is base64, as API Gateway marks binary bodies.</param>
/// <param name="Pointer">The verified pointer the client sent.</param>
public sealed record HttpRequestBody(string Body, bool IsBase64Encoded, PayloadPointer Pointer)
{
    // ToString(), which ends up in logs, never carries payload contents: the body is described by its length only.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Body = ({Body.Length:N0} characters withheld), IsBase64Encoded = {IsBase64Encoded}, Pointer = {Pointer}");
        return true;
    }
}

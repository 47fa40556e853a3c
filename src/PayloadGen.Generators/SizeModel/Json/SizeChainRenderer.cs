using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Turns a <see cref="SizeEstimate"/>'s structured chain into the text a diagnostic shows
/// (<c>Report.Rows: List&lt;Row&gt; (no bound) → Row.Attachment: byte[]</c>). The only place size steps become text.
/// </summary>
internal static class SizeChainRenderer
{
    private const string Arrow = " \u2192 ";

    /// <summary>The chain that explains <paramref name="estimate"/> of a root value of <paramref name="type"/>.</summary>
    public static string Describe(ITypeSymbol type, SizeEstimate estimate)
    {
        var parts = new List<string>();
        // An object explains itself through its members; anything else (a list, a string) names itself first.
        if (!(IsObjectLike(type) && estimate.Note.IsEmpty))
        {
            parts.Add(JsonSizeModel.Display(type) + Render(estimate.Note));
        }

        foreach (SizeStep step in estimate.Chain)
        {
            parts.Add(Render(step));
        }

        return parts.Count > 0 ? string.Join(Arrow, parts) : JsonSizeModel.Display(type);
    }

    /// <summary>True for types whose size is explained by their members or their element's members rather than by their own note.</summary>
    public static bool IsObjectLike(ITypeSymbol type) => type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface;

    private static string Render(SizeStep step) =>
        (step.Member is null ? string.Empty : step.Owner + "." + step.Member + ": ") + step.TypeDisplay + Render(step.Note);

    private static string Render(SizeNote note) => note.Kind switch
    {
        SizeNoteKind.NoBound => " (no bound)",
        SizeNoteKind.Items => Counted(note, "items"),
        SizeNoteKind.Characters => Counted(note, "characters"),
        SizeNoteKind.Bytes => Counted(note, "bytes"),
        SizeNoteKind.Recursive => " (recursive)",
        SizeNoteKind.CustomConverter => " (custom converter)",
        _ => string.Empty,
    };

    /// <summary>A declared count as its declaration means it: <c>[Length(86_400, 86_400)]</c> is exactly 86,400, not "at most".</summary>
    private static string Counted(SizeNote note, string unit)
    {
        bool hasMost = note.Most != ByteRange.Unbounded;
        string count = note.Least == note.Most ? "exactly " + Count(note.Most)
            : note.Least > 0 && hasMost ? Count(note.Least) + " to " + Count(note.Most)
            : hasMost ? "at most " + Count(note.Most)
            : "at least " + Count(note.Least);
        return " (" + count + " " + unit + ")";
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// One <c>[assembly: SizeEvidence(…)]</c> the generator writes: strings only, so the compilation-wide step that
/// computes them compares equal across edits that change no summary and the source output stays cached.
/// </summary>
internal sealed record ExportedEvidence(string Member, string Kind, string Detail, string Subject, EquatableArray<string> Path);

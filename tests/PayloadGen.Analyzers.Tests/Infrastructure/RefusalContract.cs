using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The harness of issue 7's contract that a declaration the generator refuses ends in a diagnostic, never in nothing,
/// shared by the tests of each of the generator's readers (handlers, serializers): one case per refusal reason, a
/// source whose <c>[|…|]</c> markers enclose the spans its diagnostic must cover.
/// </summary>
internal static class RefusalContract
{
    /// <summary>
    /// Fails unless there is a case for every value of <typeparamref name="TReason"/>, so a new refusal reason cannot be
    /// added without its case, and so without its diagnostic.
    /// </summary>
    public static void AssertEveryReasonHasACase<TReason>(IEnumerable<TReason> reasonsWithACase)
        where TReason : struct, Enum
        => Assert.Equal(Enum.GetValues<TReason>().Order(), reasonsWithACase.Order());

    /// <summary>
    /// Runs every generator and analyzer over <paramref name="compilation"/> and asserts that none crashed, that
    /// <paramref name="assertNothingGenerated"/> holds for the generated compilation, and that the usage diagnostics are
    /// exactly one of <paramref name="ruleId"/> per span, each with <paramref name="message"/> when it is given. With no
    /// rule the compiler reports the case itself: then no usage diagnostic, and a compiler error at each span.
    /// </summary>
    public static async Task AssertReportedAsync(Compilation compilation, ImmutableArray<TextSpan> spans, string? ruleId, string? message, Action<Compilation> assertNothingGenerated)
    {
        AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(compilation, []);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.GeneratorFailures);
        assertNothingGenerated(result.Compilation);
        List<Diagnostic> reported = result.Diagnostics.Where(d => d.Id.StartsWith("PG00", StringComparison.Ordinal)).ToList();
        if (ruleId is null)
        {
            Assert.Empty(reported);
            IEnumerable<TextSpan> compilerErrors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Location.SourceSpan);
            Assert.All(spans, span => Assert.Contains(span, compilerErrors));
            return;
        }

        // Exactly the expected diagnostics: one per marked span, no other usage diagnostic alongside.
        Assert.Equal(spans.Order().ToArray(), reported.Select(d => d.Location.SourceSpan).Order().ToArray());
        Assert.All(reported, d => Assert.Equal(ruleId, d.Id));
        if (message is not null)
        {
            Assert.All(reported, d => Assert.Equal(message, d.GetMessage(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Removes the <c>[|…|]</c> markers, returning the text and the spans they enclosed.</summary>
    public static (string Text, ImmutableArray<TextSpan> Spans) Marked(string marked)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var text = new System.Text.StringBuilder();
        int start = -1;
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                start = text.Length;
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        return (text.ToString(), spans.ToImmutable());
    }
}

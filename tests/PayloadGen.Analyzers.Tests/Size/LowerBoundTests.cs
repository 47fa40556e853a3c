using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// A declared minimum count on a list of elements whose own minimum is known proves the size: <em>provably exceeds</em>
/// (DESIGN §6) is a Warning. Elements that may be null only prove "null" each.
/// </summary>
public class LowerBoundTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Amazon.Lambda.Core;

        public class Reading { public required string Sensor { get; init; } public double Value { get; set; } }
        public class Export { [MinLength(500_000)] public required List<Reading> Readings { get; init; } }
        public class LooseExport { [MinLength(500_000)] public required List<Reading?> Readings { get; init; } }
        public class RangedExport { [Length(500_000, 600_000)] public required Reading[] Readings { get; init; } }

        public class Functions
        {
            public Export {|#0:All|}(ILambdaContext context) => null!;

            public LooseExport {|#1:Loose|}(ILambdaContext context) => null!;

            public RangedExport {|#2:Ranged|}(ILambdaContext context) => null!;
        }
        """;

    [Fact]
    public async Task MinLength_on_a_list_of_non_null_elements_proves_the_response_exceeds_the_limit()
    {
        // Each Reading is at least {"Sensor":"","Value":0} (23 bytes): 500,000 of them with commas and brackets are
        // 12,000,001 bytes, and the Export object around them adds {"Readings":} (13).
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = Source };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0)
            .WithMessage("The response of 'All' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: its JSON is at least 12,000,014 bytes (Export.Readings: List<Reading> (at least 500,000 items)); add [ClaimCheck] to offload large responses to S3"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(1)
            .WithMessage("The response of 'Loose' may exceed the synchronous invoke limit of 6,291,556 bytes: LooseExport.Readings: List<Reading> (at least 500,000 items); add [ClaimCheck] to offload large responses to S3"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(2)
            .WithMessage("The response of 'Ranged' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: its JSON is at least 12,000,014 bytes (RangedExport.Readings: Reading[] (at most 600,000 items) \u2192 Reading.Sensor: string (no bound)); add [ClaimCheck] to offload large responses to S3"));
        await test.RunAsync();
    }
}

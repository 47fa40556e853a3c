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
            .WithMessage("The response of 'Ranged' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: its JSON is at least 12,000,014 bytes (RangedExport.Readings: Reading[] (500,000 to 600,000 items) \u2192 Reading.Sensor: string (no bound)); add [ClaimCheck] to offload large responses to S3"));
        await test.RunAsync();
    }

    private const string Combinations = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Amazon.Lambda.Core;

        public class Reading { public required string Sensor { get; init; } public double Value { get; set; } }
        public class ExactExport { [Length(300_000, 300_000)] public required List<Reading> Readings { get; init; } }
        public class ExactSample { [Length(1_000, 1_000)] public required List<Reading> Readings { get; init; } }
        public class Ids { [MinLength(3_500_000)] public required List<int> Values { get; init; } }
        public class FewIds { [MinLength(100_000)] public required List<int> Values { get; init; } }
        public class Tags { [MinLength(2_200_000)] public required List<string> Values { get; init; } }
        public class Correction { [MinLength(1)][MaxLength(50)] public required List<Reading> Readings { get; init; } }
        public class Blob { [MinLength(7_000_000)] public required string Text { get; init; } }
        public class Scan { [MinLength(5_000_000)] public required byte[] Image { get; init; } }
        public class Batch { [MinLength(10_000)] public required List<int> Values { get; init; } }
        public class Nested { [MinLength(1_000)] public required List<Batch> Batches { get; init; } }

        public class Functions
        {
            public ExactExport {|#0:Exact|}(ILambdaContext context) => null!;

            public ExactSample ExactSmall(ILambdaContext context) => null!;

            public Ids {|#1:AllIds|}(ILambdaContext context) => null!;

            public FewIds {|#2:SomeIds|}(ILambdaContext context) => null!;

            public Tags {|#3:AllTags|}(ILambdaContext context) => null!;

            public Correction Correct(ILambdaContext context) => null!;

            public Blob {|#4:Text|}(ILambdaContext context) => null!;

            public Scan {|#5:Image|}(ILambdaContext context) => null!;

            public Nested {|#6:Batches|}(ILambdaContext context) => null!;
        }
        """;

    [Fact]
    public async Task Exact_and_minimum_counts_prove_the_size_with_each_elements_own_minimum_and_render_as_declared()
    {
        // [Length(300_000, 300_000)] of 23-byte Readings: 2 + 300,000 × 23 + 299,999 commas = 7,200,001, plus {"Readings":} (13).
        // [MinLength(3_500_000)] ints are at least "0" each: 7,000,001 + {"Values":} (11); 2,200,000 strings at least "" each: 6,600,001 + 11.
        // A 7,000,000-character string is 7,000,002 bytes quoted + {"Text":} (9); 5,000,000 bytes are 6,666,668 base64 characters, quoted, + {"Image":} (10).
        // 1,000 batches of at least 10,000 ints: each {"Values":[…]} is 11 + 2 + 10,000 + 9,999 = 20,012, the list
        // 2 + 1,000 × 20,012 + 999 = 20,013,001, plus {"Batches":} (12).
        // [Length(1_000, 1_000)] and [MinLength(1)][MaxLength(50)] stay silent; [MinLength(100_000)] ints (200,001 bytes) with no maximum are only possible.
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = Combinations };
        test.ExpectedDiagnostics.Add(Proven(0, "Exact", "7,200,014", "ExactExport.Readings: List<Reading> (exactly 300,000 items) \u2192 Reading.Sensor: string (no bound)"));
        test.ExpectedDiagnostics.Add(Proven(1, "AllIds", "7,000,012", "Ids.Values: List<int> (at least 3,500,000 items)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(2)
            .WithMessage("The response of 'SomeIds' may exceed the synchronous invoke limit of 6,291,556 bytes: FewIds.Values: List<int> (at least 100,000 items); add [ClaimCheck] to offload large responses to S3"));
        test.ExpectedDiagnostics.Add(Proven(3, "AllTags", "6,600,012", "Tags.Values: List<string> (at least 2,200,000 items)"));
        test.ExpectedDiagnostics.Add(Proven(4, "Text", "7,000,011", "Blob.Text: string (at least 7,000,000 characters)"));
        test.ExpectedDiagnostics.Add(Proven(5, "Image", "6,666,680", "Scan.Image: byte[] (at least 5,000,000 bytes)"));
        test.ExpectedDiagnostics.Add(Proven(6, "Batches", "20,013,013", "Nested.Batches: List<Batch> (at least 1,000 items) \u2192 Batch.Values: List<int> (at least 10,000 items)"));
        await test.RunAsync();
    }

    private static DiagnosticResult Proven(int location, string method, string bytes, string chain) =>
        new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(location)
            .WithMessage($"The response of '{method}' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: its JSON is at least {bytes} bytes ({chain}); add [ClaimCheck] to offload large responses to S3");
}

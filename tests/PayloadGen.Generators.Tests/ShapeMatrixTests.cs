using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PayloadGen.Generators.Tests.Infrastructure;
using PayloadGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// The contract over the space of handler shapes, not a list of cases (the payload and response types, type kinds and
/// HTTP sources that <c>WrapperOrErrorPropertyTests</c> of the analyzer tests does not draw, and a run of every wrapper): a fixed sample of combinations of containing
/// type kind, static or instance, return shape, parameter roles and their order, payload type and source. Every
/// <c>[ClaimCheck]</c> member ends in a wrapper that compiles with no error or warning, or in no wrapper and an error
/// (a PG diagnostic on the member or a type around it); the generator never throws; and every wrapper Lambda could
/// call answers a valid payload without an exception, answers it the same when it comes as a pointer, and over the
/// threshold stores exactly that answer (the pointer's object, or the body an HTTP answer redirects to).
/// </summary>
[Collection(HeavyCompilations.Name)]
public sealed class ShapeMatrixTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["partial class", "sealed partial class", "static partial class", "partial struct", "partial record", "readonly partial record struct", "partial interface", "abstract partial class"];

    private static readonly string[] Returns = ["void", "{T}", "Task", "Task<{T}>", "ValueTask", "ValueTask<{T}>", "IAsyncEnumerable<{T}>", "IEnumerable<{T}>", "Task<IEnumerable<{T}>>"];

    private static readonly string[] Payloads = ["Req", "Req?", "ReqStruct", "ReqStruct?", "string", "string?", "object", "dynamic", "JsonElement", "IAsyncEnumerable<Req>", "IAsyncEnumerable<Req?>", "Req[]", "List<Req?>", "Dictionary<string, ReqStruct>", "JsonNode?",
        "IReadOnlyList<Req>", "IEnumerable<Req>", "byte[]", "int", "decimal?", "(string Name, int Count)", "ReadOnlyMemory<byte>", "object?", "dynamic?",
        "APIGatewayProxyRequest", "APIGatewayHttpApiV2ProxyRequest", "ApplicationLoadBalancerRequest"];

    private static readonly string[] Responses = ["Res", "Res?", "ReqStruct", "int?", "string", "object", "dynamic", "JsonDocument", "IReadOnlyList<Res>", "byte[]", "(string, int)", "dynamic?", "object?", "ReadOnlyMemory<byte>",
        "APIGatewayProxyResponse", "APIGatewayHttpApiV2ProxyResponse", "ApplicationLoadBalancerResponse"];

    private static readonly string[] Sources = ["", "Source = PayloadSource.AsyncInvoke", "Source = PayloadSource.StepFunctions", "Source = PayloadSource.Sqs", "Source = PayloadSource.Sns", "Source = PayloadSource.Sqs, MaxConcurrency = 3",
        "Source = PayloadSource.ApiGatewayRest", "Source = PayloadSource.ApiGatewayHttp", "Source = PayloadSource.FunctionUrl", "Source = PayloadSource.ApplicationLoadBalancer, HttpAnswer = HttpOffloadAnswer.Json"];

    private static readonly string[][] ParameterSets =
    [
        [], ["P"], ["P", "L"], ["L", "P"], ["P", "C"], ["C", "P", "L"], ["L", "C"], ["C"], ["P", "M"], ["M", "P", "C", "L"], ["P", "P"],
    ];


    private const int Count = 1200;
    private const int Seed = 20261206;

    [Fact]
    public async Task Every_sampled_shape_ends_in_a_compiling_wrapper_or_an_error()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([SourceOf(Draw(Count, Seed)), HttpEventsContract.Source]));
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.DriverDiagnostics);

        ImmutableArray<Diagnostic> problems = run.OutputProblems();
        // The sample is valid C#: every problem must be in generated code, and none may be.
        Assert.Empty(problems);

        ImmutableArray<Diagnostic> analyzerDiagnostics = await run.Output.WithAnalyzers(UsageAnalyzers.All).GetAnalyzerDiagnosticsAsync();
        var errorsByType = analyzerDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("PG", StringComparison.Ordinal))
            .ToLookup(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText);
        ImmutableHashSet<string> wrapped = run.Result.GeneratedSources.Select(s => s.HintName).ToImmutableHashSet();

        int wrappers = 0, refused = 0;
        var silent = new List<string>();
        foreach (TypeDeclarationSyntax type in run.Output.SyntaxTrees.First().GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Identifier.ValueText.StartsWith('H')))
        {
            string name = type.Identifier.ValueText;
            if (wrapped.Contains("Matrix." + name + ".M.ClaimCheck.g.cs"))
            {
                wrappers++;
            }
            else if (errorsByType[name].Any())
            {
                refused++;
            }
            else
            {
                silent.Add(type.ToString().Split('\n')[0] + " … " + type.Members.OfType<MethodDeclarationSyntax>().First().ToString().Split('\n')[0]);
            }
        }

        output.WriteLine(wrappers + " wrapped, " + refused + " refused with an error, " + silent.Count + " skipped silently");
        Assert.True(silent.Count == 0, "Skipped without an error:\n" + string.Join("\n", silent.Take(20)));
        Assert.Equal(Count, wrappers + refused);
    }

    [Fact]
    public async Task Every_sampled_wrapper_answers_a_valid_payload()
    {
        ImmutableArray<Shape> shapes = Draw(Count, Seed);
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([SourceOf(shapes), HttpEventsContract.Source]));
        using LoadedAssembly loaded = LoadedAssembly.Load(run.Output);

        using var store = new TemporaryFileStore();
        var inline = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = 1024 * 1024 }, new PresigningFileStore(new FilePayloadStore(store.Root)));
        var stored = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket, InlineThresholdBytes = 1 }, new PresigningFileStore(new FilePayloadStore(store.Root)));
        int answered = 0, hydrated = 0, offloaded = 0;
        var failures = new List<string>();
        foreach (Shape shape in shapes.Where(shape => shape.CanBeCreated))
        {
            Type type = loaded.Type("Matrix.H" + shape.Index);
            if (type.GetMethod("MClaimCheck") is null)
            {
                continue; // refused: the other test checks that an error says why
            }

            string json = JsonFor(shape.Payload);
            byte[] payload = Encoding.UTF8.GetBytes(!shape.IsQueue ? json : shape.Attribute.Contains("Sqs", StringComparison.Ordinal) ? SqsEvents.Json(("m-1", json)) : QueueEvents.Sns(("n-1", json)));
            try
            {
                type.GetProperty("ClaimCheckRuntime")!.SetValue(null, inline);
                byte[] answer = await WrapperInvocation.InvokeAsync(loaded, type, "MClaimCheck", payload);
                if (shape.Attribute.Contains("Sqs", StringComparison.Ordinal) && Encoding.UTF8.GetString(answer) != """{"batchItemFailures":[]}""")
                {
                    failures.Add(shape.Source + " answered " + Encoding.UTF8.GetString(answer));
                }

                answered++;
                if (shape.TakesPayload && !shape.IsQueue && !shape.IsHttp)
                {
                    // The same request behind a pointer is read from the store and answered the same.
                    PayloadPointer request = await inline.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(payload), System.Threading.CancellationToken.None);
                    byte[] fromStore = await WrapperInvocation.InvokeAsync(loaded, type, "MClaimCheck", PayloadPointerWriter.ToUtf8(request));
                    if (!fromStore.AsSpan().SequenceEqual(answer))
                    {
                        failures.Add(shape.Source + " answered a stored request " + Encoding.UTF8.GetString(fromStore) + ", an inline one " + Encoding.UTF8.GetString(answer));
                    }

                    hydrated++;
                }

                if (shape.IsQueue || answer.Length == 0)
                {
                    continue;
                }

                // Over the threshold the same answer is stored: the pointer's object, or the redirected HTTP body.
                type.GetProperty("ClaimCheckRuntime")!.SetValue(null, stored);
                byte[] pointerOrRedirect = await WrapperInvocation.InvokeAsync(loaded, type, "MClaimCheck", payload);
                byte[] expected = shape.IsHttp ? Encoding.UTF8.GetBytes(JsonNode.Parse(answer)!["body"]!.GetValue<string>()) : answer;
                byte[] actual = File.ReadAllBytes(Path.Combine(store.Root, StoredKey(shape, pointerOrRedirect)));
                if (!expected.AsSpan().SequenceEqual(actual))
                {
                    failures.Add(shape.Source + " stored " + Encoding.UTF8.GetString(actual) + " for " + Encoding.UTF8.GetString(expected));
                }

                offloaded++;
            }
            catch (Exception error)
            {
                failures.Add(shape.Source + " threw " + error.GetType().Name + ": " + error.Message);
            }
        }

        output.WriteLine(answered + " wrappers answered, " + hydrated + " of them a stored request too, " + offloaded + " stored their answer over the threshold");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.InRange(answered, 300, Count);
    }

    /// <summary>The store path of what an answer over the threshold points to: a pointer, a redirect, or the HTTP JSON answer.</summary>
    private static string StoredKey(Shape shape, byte[] answer)
    {
        if (!shape.IsHttp)
        {
            Assert.True(PayloadPointerReader.TryRead(answer, allowBareShape: false, out PayloadPointer? pointer), "Expected a pointer, got " + Encoding.UTF8.GetString(answer));
            return Path.Combine(pointer!.Bucket, pointer.Key);
        }

        JsonNode http = JsonNode.Parse(answer)!;
        string url = http["statusCode"]!.GetValue<int>() == 303 ? http["headers"]!["Location"]!.GetValue<string>() : JsonNode.Parse(http["body"]!.GetValue<string>())!["url"]!.GetValue<string>();
        return url.Substring(PresigningFileStore.Host.Length).Split('?')[0];
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.CSharp11, NullableContextOptions.Warnings)]
    [InlineData(LanguageVersion.CSharp12, NullableContextOptions.Annotations)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable)]
    public void Every_sampled_wrapper_compiles_clean_under_older_language_versions_and_other_nullable_contexts(LanguageVersion version, NullableContextOptions nullable)
    {
        // The sample itself needs C# 10 (file-scoped namespace, record structs); the generated code needs C# 9.
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        CSharpCompilation compilation = TestCompilation.Create([SourceOf(Draw(Count, Seed)), HttpEventsContract.Source]);
        compilation = compilation
            .WithOptions(compilation.Options.WithNullableContextOptions(nullable))
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(compilation.SyntaxTrees.Select(tree => tree.WithRootAndOptions(tree.GetRoot(), parseOptions)));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ClaimCheckGenerator().AsSourceGenerator()], parseOptions: parseOptions);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);

        Assert.Empty(driverDiagnostics);
        ImmutableHashSet<SyntaxTree> generated = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToImmutableHashSet();
        Assert.InRange(generated.Count, 300, Count);
        // User code may warn here (its annotations in a disabled context); the generated code may not.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static string JsonFor(string payloadType) => payloadType switch
    {
        "Req" or "Req?" => """{"Name":"x"}""",
        "ReqStruct" or "ReqStruct?" => """{"Value":1}""",
        "string" or "string?" => "\"s\"",
        "IAsyncEnumerable<Req>" or "IAsyncEnumerable<Req?>" or "Req[]" => """[{"Name":"x"}]""",
        "List<Req?>" => """[null,{"Name":"x"}]""",
        "Dictionary<string, ReqStruct>" => """{"k":{"Value":1}}""",
        "IReadOnlyList<Req>" or "IEnumerable<Req>" => """[{"Name":"x"},{"Name":"y"}]""",
        "byte[]" or "ReadOnlyMemory<byte>" => "\"AQID\"",
        "int" => "42",
        "decimal?" => "null",
        "(string Name, int Count)" => "{}",
        "APIGatewayProxyRequest" or "APIGatewayHttpApiV2ProxyRequest" or "ApplicationLoadBalancerRequest" => """{"path":"/x","body":"b","isBase64Encoded":false}""",
        _ => """{"a":[1,"b",null]}""",
    };

    /// <summary>One drawn handler: alone in its own type <c>H{Index}</c>.</summary>
    private sealed record Shape(int Index, string Kind, bool IsStatic, string Returns, string[] Roles, string Payload, string Attribute)
    {
        public string Source => "public " + Kind + " H" + Index + "\n{\n    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }\n\n    [ClaimCheck" + (Attribute.Length == 0 ? "" : "(" + Attribute + ")") + "]\n    public "
            + (IsStatic ? "static " : "") + Method(Returns, Roles, Payload) + "\n}\n";

        public bool TakesPayload => Roles.Contains("P");

        public bool IsQueue => Attribute.Contains("Sqs", StringComparison.Ordinal) || Attribute.Contains("Sns", StringComparison.Ordinal);

        /// <summary>
        /// Whether the wrapper speaks HTTP: a proxy response with no source (implied) or an HTTP one; any other explicit
        /// source keeps the pointer format (README, PG0009).
        /// </summary>
        public bool IsHttp => ResponseType.EndsWith("Response", StringComparison.Ordinal)
            && (Attribute.Length == 0 || Attribute.Contains("ApiGateway", StringComparison.Ordinal) || Attribute.Contains("FunctionUrl", StringComparison.Ordinal) || Attribute.Contains("ApplicationLoadBalancer", StringComparison.Ordinal));

        /// <summary>The <c>T</c> of a task, or the return type itself.</summary>
        private string ResponseType => Returns.StartsWith("Task<", StringComparison.Ordinal) ? Returns[5..^1]
            : Returns.StartsWith("ValueTask<", StringComparison.Ordinal) ? Returns[10..^1]
            : Returns;

        /// <summary>Whether Lambda could create the instance an instance handler needs (PG0003 warns otherwise).</summary>
        public bool CanBeCreated => IsStatic || !(Kind.StartsWith("abstract", StringComparison.Ordinal) || Kind.EndsWith("interface", StringComparison.Ordinal));
    }

    /// <summary><paramref name="count"/> handlers drawn with a fixed seed.</summary>
    private static ImmutableArray<Shape> Draw(int count, int seed)
    {
        var random = new Random(seed);
        var shapes = ImmutableArray.CreateBuilder<Shape>(count);
        for (int i = 0; i < count; i++)
        {
            string kind = Kinds[random.Next(Kinds.Length)];
            bool isStatic = kind.StartsWith("static", StringComparison.Ordinal) || random.Next(2) == 0;
            string returns = Returns[random.Next(Returns.Length)].Replace("{T}", Responses[random.Next(Responses.Length)], StringComparison.Ordinal);
            string[] roles = ParameterSets[random.Next(ParameterSets.Length)];
            string payload = Payloads[random.Next(Payloads.Length)];
            string attribute = Sources[random.Next(Sources.Length)];
            shapes.Add(new Shape(i, kind, isStatic, returns, roles, payload, attribute));
        }

        return shapes.MoveToImmutable();
    }

    private static string SourceOf(IEnumerable<Shape> shapes) => """
        #pragma warning disable CS1998, CS8425
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.ApplicationLoadBalancerEvents;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace Matrix;

        public sealed class Req { public string Name { get; set; } = ""; }
        public readonly record struct ReqStruct(int Value);
        public sealed class Res { public string Title { get; set; } = ""; }

        """ + string.Concat(shapes.Select(shape => shape.Source));

    // A proxy response is what API Gateway answers with: a handler returns one (null would be its own bug).
    private static string Value(string type) => type.EndsWith("Response", StringComparison.Ordinal) ? "new() { StatusCode = 200, Body = \"ok\" }" : "default!";

    private static string Method(string returns, string[] roles, string payload)
    {
        int payloads = 0;
        IEnumerable<string> parameters = roles.Select((role, i) => role switch
        {
            "P" => payload + " p" + payloads++,
            "L" => "ILambdaContext context",
            "C" => (returns.StartsWith("IAsyncEnumerable", StringComparison.Ordinal) ? "[EnumeratorCancellation] " : "") + "CancellationToken ct",
            _ => "QueueMessageContext message",
        });
        string signature = "M(" + string.Join(", ", parameters) + ")";
        string body = returns switch
        {
            "void" => " { }",
            "Task" => " => Task.CompletedTask;",
            "ValueTask" => " => default;",
            _ when returns.StartsWith("IAsyncEnumerable", StringComparison.Ordinal) => " { await Task.Yield(); yield break; }",
            _ when returns.StartsWith("IEnumerable", StringComparison.Ordinal) => " { yield break; }",
            _ when returns.StartsWith("Task<", StringComparison.Ordinal) => " => Task.FromResult<" + returns[5..^1] + ">(" + Value(returns[5..^1]) + ");",
            _ when returns.StartsWith("ValueTask<", StringComparison.Ordinal) => " => ValueTask.FromResult<" + returns[10..^1] + ">(" + Value(returns[10..^1]) + ");",
            _ => " => " + Value(returns) + ";",
        };
        string modifiers = returns.StartsWith("IAsyncEnumerable", StringComparison.Ordinal) ? "async " : "";
        return modifiers + returns + " " + signature + body;
    }
}

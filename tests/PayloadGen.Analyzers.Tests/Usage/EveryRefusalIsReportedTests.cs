using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Model;
using PayloadGen.Generators.Parsing;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

/// <summary>
/// The contract of issue 7: every <c>[ClaimCheck]</c> method ends in a wrapper or a diagnostic. For every reason the
/// generator's reader can refuse a method, a handler refused for exactly that reason gets no generated file and gets
/// exactly the expected diagnostic at the expected span (the compiler's own error for code that does not compile).
/// Adding a <see cref="RefusalReason"/> without a case here fails <see cref="Every_refusal_reason_has_a_case"/>.
/// </summary>
public sealed class EveryRefusalIsReportedTests
{
    private const string Header = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace Demo;

        public sealed class ReportRequest { public string Name { get; set; } = ""; }
        public sealed class Report { public string Title { get; set; } = ""; }

        """;

    /// <summary>
    /// One handler per reason. <c>[|…|]</c> marks each span the diagnostic must cover; the message is the whole
    /// expected message, or <see langword="null"/> where the compiler reports the error.
    /// </summary>
    private static readonly Dictionary<RefusalReason, (string Source, string? Message)> Cases = new()
    {
        [RefusalReason.ContainingTypeNotPartial] = (
            "public class [|F|] { [ClaimCheck] public Report M(ReportRequest r) => new(); }",
            "Make 'F' partial so the generator can add the claim-check wrapper of 'F.M'"),
        [RefusalReason.GenericContainingType] = (
            "public partial class F<T> { [ClaimCheck] public Report [|M|](ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': its containing type 'F<T>' is generic and Lambda cannot supply type arguments; move the handler to a non-generic type"),
        [RefusalReason.FileLocalContainingType] = (
            "file partial class F { [ClaimCheck] public Report [|M|](ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': its containing type 'F' is file-local, so the generated part in another file cannot extend it; remove the 'file' modifier"),
        [RefusalReason.RefStructContainingType] = (
            "public ref partial struct F { [ClaimCheck] public static Report [|M|](ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': its containing type 'F' is a ref struct, which cannot hold the async wrapper; move the handler to a class or struct"),
        [RefusalReason.NotAnOrdinaryMethod] = (
            "public partial class F { public void Outer() { [ClaimCheck] Report [|M|](ReportRequest r) => new(); M(new()); } }",
            "[ClaimCheck] cannot wrap 'M': it is a local function, which Lambda cannot name as a handler; put [ClaimCheck] on an ordinary method of a partial class"),
        [RefusalReason.StaticAbstractInterfaceMember] = (
            "public partial interface IF { [ClaimCheck] static abstract Report [|M|](ReportRequest r); }",
            "[ClaimCheck] cannot wrap 'M': it is a static abstract interface member, which can only be called through a type parameter; put [ClaimCheck] on the implementation in a class that implements 'IF'"),
        [RefusalReason.CallsRemovedByCompiler] = (
            "public partial class F { [ClaimCheck] partial void [|M|](ReportRequest r); }",
            "[ClaimCheck] cannot wrap 'M': it is a partial method without an implementation, so the compiler removes calls to it and the wrapper would call nothing; implement it"),
        [RefusalReason.GenericMethod] = (
            "public partial class F { [ClaimCheck] public T [|M|]<T>(T r) => r; }",
            "[ClaimCheck] cannot wrap 'M': it is generic and Lambda cannot supply type arguments; use concrete types"),
        [RefusalReason.AsyncVoid] = (
            "public partial class F { [ClaimCheck] public async void [|M|](ReportRequest r) => await Task.Yield(); }",
            "[ClaimCheck] cannot wrap 'M': it is async void, so Lambda cannot await it; return Task instead"),
        [RefusalReason.ReturnsByReference] = (
            "public partial class F { private Report _r = new(); [ClaimCheck] public [|ref readonly Report|] M(ReportRequest r) => ref _r; }",
            "[ClaimCheck] cannot wrap 'M': it returns 'Report' by ref readonly and the wrapper serializes a value; remove the 'ref readonly' modifier from the return type"),
        [RefusalReason.ParameterByReference] = (
            "public partial class F { [ClaimCheck] public Report M(ReportRequest r, out int [|count|]) { count = 0; return new(); } }",
            "[ClaimCheck] cannot wrap 'M': parameter 'count' is passed by out and Lambda passes the payload by value; remove the modifier"),
        [RefusalReason.SecondPayloadParameter] = (
            "public partial class F { [ClaimCheck] public Report M(ReportRequest r, ILambdaContext c, Report [|s|]) => s; }",
            "[ClaimCheck] cannot wrap 'M': it takes more than one payload parameter ('r' and 's') and Lambda passes one payload; take a single request type that holds both"),
        [RefusalReason.UnsupportedPayloadType] = (
            "public partial class F { [ClaimCheck] public Report M(ReadOnlySpan<byte> [|body|]) => new(); }",
            "[ClaimCheck] cannot wrap 'M': parameter 'body' is a 'ReadOnlySpan<byte>', a ref struct or pointer that JSON cannot be read into; take a type JSON can deserialize, such as byte[], string or a class"),
        [RefusalReason.UnsupportedResponseType] = (
            "public partial class F { [ClaimCheck] public [|Span<byte>|] M(ReportRequest r) => default; }",
            "[ClaimCheck] cannot wrap 'M': it returns a 'Span<byte>', a ref struct or pointer that JSON cannot write; return a type JSON can serialize, such as byte[], string or a class"),
        [RefusalReason.UnserializablePayloadType] = (
            "public partial class F { [ClaimCheck] public Report M(System.IO.Stream [|input|], ILambdaContext context) => new(); }",
            "[ClaimCheck] cannot wrap 'M': parameter 'input' is a 'Stream', which System.Text.Json refuses to read (a stream, delegate, Type, reflection member or native-sized integer), so every invocation would fail; take the content as byte[] (base64 in JSON), string or a class"),
        [RefusalReason.UnserializableResponseType] = (
            "public partial class F { [ClaimCheck] public [|Task<System.IO.MemoryStream>|] M(ReportRequest r) => Task.FromResult(new System.IO.MemoryStream()); }",
            "[ClaimCheck] cannot wrap 'M': it returns a 'MemoryStream', which System.Text.Json refuses to write (a stream, delegate, Type, reflection member or native-sized integer), so every invocation would fail; return byte[] (base64 in JSON), string or a class"),
        [RefusalReason.QueueEnvelopeAsPayload] = (
            "public partial class F { [ClaimCheck] public Task M(Amazon.Lambda.SQSEvents.SQSEvent [|evnt|], ILambdaContext context) => Task.CompletedTask; }",
            "[ClaimCheck] cannot wrap 'M': parameter 'evnt' is a 'SQSEvent', an SQS or SNS event type, but the wrapper reads pointers in record bodies only when it runs the batch loop and passes each body to the method, so a stored body would reach it as an unread pointer; set Source = PayloadSource.Sqs (or Sns), take the body's type and, for the message id and attributes, a QueueMessageContext"),
        [RefusalReason.MessageContextOutsideQueue] = (
            "public partial class F { [ClaimCheck(Source = PayloadSource.StepFunctions)] public Report M(ReportRequest r, QueueMessageContext [|message|]) => new(); }",
            "[ClaimCheck] cannot wrap 'M': parameter 'message' is a QueueMessageContext, which only SQS and SNS handlers receive, but Source is StepFunctions; remove the parameter or set Source to PayloadSource.Sqs or PayloadSource.Sns"),
        [RefusalReason.QueueHandlerWithoutPayload] = (
            "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public Task [|M|](QueueMessageContext c, CancellationToken ct) => Task.CompletedTask; }",
            "[ClaimCheck] cannot wrap 'M': it handles Sqs records but takes no payload parameter, so it would receive nothing of the message; add a parameter of the message's type"),
        [RefusalReason.QueueHandlerReturnsValue] = (
            "public partial class F { [ClaimCheck(Source = PayloadSource.Sns)] public [|Task<Report>|] M(ReportRequest r) => Task.FromResult(new Report()); }",
            "[ClaimCheck] cannot wrap 'M': it handles Sns records and returns 'Task<Report>', but nothing receives a value from a queue or topic handler; return Task, ValueTask or void"),
        [RefusalReason.StreamedRequestOnQueue] = (
            "public partial class F { [ClaimCheck(Source = PayloadSource.Sqs)] public Task M(System.Collections.Generic.IAsyncEnumerable<ReportRequest> [|rows|]) => Task.CompletedTask; }",
            "[ClaimCheck] cannot wrap 'M': parameter 'rows' is an IAsyncEnumerable, but Sqs records are handled whole (a record that failed half-way would be retried and its first half repeated); take the message's type, such as T[] or List<T>"),
        [RefusalReason.UndefinedSource] = (
            "public partial class F { [ClaimCheck(Source = [|(PayloadSource)42|])] public Report M(ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': Source is 42, which is not a PayloadSource value; set Source to a named PayloadSource member"),
        [RefusalReason.InvalidJsonContext] = (
            "public partial class F { [ClaimCheck(JsonContext = [|typeof(Report)|])] public Report M(ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': JsonContext 'Report' is not a concrete, non-generic JsonSerializerContext; set JsonContext to a partial class deriving from JsonSerializerContext with [JsonSerializable] for the request and response types"),
        [RefusalReason.HttpSourceWithoutProxyResponse] = (
            "public partial class F { [ClaimCheck(Source = PayloadSource.ApiGatewayRest)] public [|Task<Report>|] M(ReportRequest r) => Task.FromResult(new Report()); }",
            "[ClaimCheck] cannot wrap 'M': Source is ApiGatewayRest, whose callers read only a proxy response, but it returns 'Task<Report>' (API Gateway and ALB answer 502 to anything else, a PayloadGen pointer included); return APIGatewayProxyResponse with the payload serialized into Body, and PayloadGen redirects large bodies to S3"),
        [RefusalReason.UndefinedHttpAnswer] = (
            "public partial class F { [ClaimCheck(HttpAnswer = [|(HttpOffloadAnswer)9|])] public Report M(ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': HttpAnswer is 9, which is not an HttpOffloadAnswer value; set it to SeeOther, TemporaryRedirect or Json"),
        [RefusalReason.PresignSecondsOutOfRange] = (
            "public partial class F { [ClaimCheck(PresignSeconds = [|700000|])] public Report M(ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': PresignSeconds is 700000, but a presigned URL lives 1 to 604800 seconds (7 days, S3's limit); set a value in that range, or 0 for the configured lifetime"),
        [RefusalReason.GeneratedNameTaken] = (
            "public partial class F { [ClaimCheck] public Report [|M|](ReportRequest r) => new(); public const int MClaimCheckHandler = 1; }",
            "[ClaimCheck] cannot wrap 'M': the generated member name 'MClaimCheckHandler' is already a member of 'F' (F.MClaimCheckHandler); rename that member or the handler"),
        [RefusalReason.ClaimCheckOverload] = (
            "public partial class F { [ClaimCheck] public Report [|M|](ReportRequest r) => new(); [ClaimCheck] public Report [|M|](Report r) => r; }",
            null!),
        [RefusalReason.HidesInheritedHandler] = (
            "public partial class Base { [ClaimCheck] public virtual Report M(ReportRequest r) => new(); } public partial class Derived : Base { [ClaimCheck] public override Report [|M|](ReportRequest r) => new(); }",
            "[ClaimCheck] cannot wrap 'M': base type 'Base' has a [ClaimCheck] method of the same name, whose wrapper 'MClaimCheck' this one would hide; rename the handler or keep [ClaimCheck] on one of them"),
        [RefusalReason.UnresolvedType] = (
            "public partial class F { [ClaimCheck] public Report M([|Missing|] r) => new(); }",
            null),
        [RefusalReason.MethodOutsideType] = (
            "namespace Loose { [PayloadGen.ClaimCheck] public string [|M|](string r) => r; }",
            null),
        [RefusalReason.InvalidAttributeValue] = (
            "public partial class F { [ClaimCheck(Source = PayloadSource.[|Nowhere|])] public Report M(ReportRequest r) => new(); }",
            null),
    };

    public static TheoryData<string> Reasons => new(Enum.GetNames<RefusalReason>());

    [Fact]
    public void Every_refusal_reason_has_a_case()
    {
        RefusalContract.AssertEveryReasonHasACase(Cases.Keys);
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task Refused_handler_gets_no_wrapper_and_exactly_its_diagnostic(string reasonName)
    {
        RefusalReason reason = Enum.Parse<RefusalReason>(reasonName);
        Assert.True(Cases.TryGetValue(reason, out var @case), $"{reason} has no case: add one, with its diagnostic.");
        // A case that declares its own namespace stands alone, outside the header's file-scoped one.
        (string source, ImmutableArray<TextSpan> spans) = RefusalContract.Marked(@case.Source.StartsWith("namespace", StringComparison.Ordinal) ? @case.Source : Header + @case.Source);
        Compilation compilation = AnalyzerRunner.Compile("Refusals", [("/src/Functions.cs", source)]);

        // The case exercises this reason: the generator's own reader refuses its handler(s) for it.
        List<(IMethodSymbol Method, HandlerShape Shape)> refused = RefusedHandlers(compilation, reason);
        Assert.NotEmpty(refused);

        await RefusalContract.AssertReportedAsync(compilation, spans, RefusalRules.For(reason)?.Id, @case.Message, generated =>
        {
            foreach ((IMethodSymbol method, _) in refused)
            {
                Assert.DoesNotContain(
                    generated.SyntaxTrees,
                    tree => tree.FilePath.EndsWith(HandlerParser.HandlerTypeName(method.ContainingType) + "." + method.Name + ".ClaimCheck.g.cs", StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public async Task Both_overloads_are_reported_naming_each_other()
    {
        (string source, _) = RefusalContract.Marked(Header + Cases[RefusalReason.ClaimCheckOverload].Source);
        AnalyzerRunner.Result result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile("Refusals", [("/src/Functions.cs", source)]), []);

        Assert.Equal(
            [
                "[ClaimCheck] cannot wrap 'M': another [ClaimCheck] overload, 'F.M(Report)', would get the same wrapper 'MClaimCheck'; give the handlers different names",
                "[ClaimCheck] cannot wrap 'M': another [ClaimCheck] overload, 'F.M(ReportRequest)', would get the same wrapper 'MClaimCheck'; give the handlers different names",
            ],
            result.Diagnostics.Where(d => d.Id == DiagnosticIds.GeneratedNameTaken).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    private static List<(IMethodSymbol, HandlerShape)> RefusedHandlers(Compilation compilation, RefusalReason reason)
    {
        INamedTypeSymbol attributeType = compilation.GetTypeByMetadataName("PayloadGen.ClaimCheckAttribute")!;
        var refused = new List<(IMethodSymbol, HandlerShape)>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (model.GetDeclaredSymbol(node) is not IMethodSymbol method)
                {
                    continue;
                }

                AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                if (attribute is null)
                {
                    continue;
                }

                HandlerShape shape = HandlerShapeReader.Read(compilation, method, attribute, CancellationToken.None);
                if (shape.Refusals.Any(r => r.Reason == reason))
                {
                    refused.Add((method, shape));
                }
            }
        }

        return refused;
    }
}

using System.Linq;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// Pins the shape of every kind of generated wrapper, and checks that each compiles with no warning or error in a
/// project with nullable reference types and XML documentation on (TreatWarningsAsErrors would fail on any).
/// </summary>
public sealed class SnapshotTests
{
    private const string Payloads = """
        using System.Collections.Generic;

        namespace Demo
        {
            public sealed class ReportRequest
            {
                public string Name { get; set; } = "";
                public int Rows { get; set; }
            }

            public sealed class Report
            {
                public string Title { get; set; } = "";
                public List<string> Lines { get; set; } = new();
            }
        }
        """;

    [Fact]
    public void Instance_Task_of_T_with_context_and_cancellation()
        => Verify(nameof(Instance_Task_of_T_with_context_and_cancellation), """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public async Task<Report> BuildReport(ReportRequest request, ILambdaContext context, CancellationToken ct)
                {
                    await Task.Delay(1, ct);
                    return new Report { Title = request.Name };
                }
            }
            """);

    [Fact]
    public void Static_synchronous_T()
        => Verify(nameof(Static_synchronous_T), """
            using PayloadGen;

            namespace Demo;

            public static partial class ReportFunctions
            {
                [ClaimCheck]
                public static Report BuildReport(ReportRequest request) => new() { Title = request.Name };
            }
            """);

    [Fact]
    public void ValueTask_of_T()
        => Verify(nameof(ValueTask_of_T), """
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public ValueTask<Report> BuildReport(ReportRequest request) => new(new Report { Title = request.Name });
            }
            """);

    [Fact]
    public void Task_without_response()
        => Verify(nameof(Task_without_response), """
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public Task Import(ReportRequest request) => Task.CompletedTask;
            }
            """);

    [Fact]
    public void ValueTask_without_response()
        => Verify(nameof(ValueTask_without_response), """
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public ValueTask Import(ReportRequest request) => default;
            }
            """);

    [Fact]
    public void Void_without_response()
        => Verify(nameof(Void_without_response), """
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public void Import(ReportRequest request) { }
            }
            """);

    [Fact]
    public void Void_without_payload_is_not_async()
        => Verify(nameof(Void_without_payload_is_not_async), """
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public static void Ping() { }
            }
            """);

    [Fact]
    public void No_payload_parameter()
        => Verify(nameof(No_payload_parameter), """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public Task<Report> Latest(ILambdaContext context) => Task.FromResult(new Report { Title = context.FunctionName });
            }
            """);

    [Fact]
    public void CancellationToken_only()
        => Verify(nameof(CancellationToken_only), """
            using System.Threading;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public static bool IsLate(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested;
            }
            """);

    [Fact]
    public void Without_Lambda_context_in_the_compilation()
        => Verify(nameof(Without_Lambda_context_in_the_compilation), """
            using System.Threading;
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public Task<Report> BuildReport(ReportRequest request, CancellationToken ct) => Task.FromResult(new Report());
            }
            """, lambdaContext: false);

    [Fact]
    public void Lambda_context_taken_although_the_method_does_not()
        => Verify(nameof(Lambda_context_taken_although_the_method_does_not), """
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void Nested_class_struct_and_record()
        => Verify(nameof(Nested_class_struct_and_record), """
            using PayloadGen;

            namespace Demo.Nested;

            public partial class Outer
            {
                public partial struct Middle
                {
                    public partial record Inner
                    {
                        [ClaimCheck]
                        public Demo.Report BuildReport(Demo.ReportRequest request) => new();
                    }
                }
            }
            """);

    [Fact]
    public void Nested_in_interface_and_record_struct()
        => Verify(nameof(Nested_in_interface_and_record_struct), """
            using PayloadGen;

            namespace Demo;

            public partial interface IFunctions
            {
                public partial record struct Handlers
                {
                    [ClaimCheck]
                    public static Report BuildReport(ReportRequest request) => new();
                }
            }
            """);

    [Fact]
    public void Record_in_the_global_namespace()
        => Verify(nameof(Record_in_the_global_namespace), """
            using PayloadGen;

            public sealed partial record GlobalFunctions(string Region)
            {
                [ClaimCheck]
                public Demo.Report BuildReport(Demo.ReportRequest request) => new() { Title = Region };
            }
            """);

    [Fact]
    public void Instance_struct()
        => Verify(nameof(Instance_struct), """
            using PayloadGen;

            namespace Demo;

            public readonly partial struct StructFunctions
            {
                [ClaimCheck]
                public Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void JsonContext_from_the_attribute()
        => Verify(nameof(JsonContext_from_the_attribute), """
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;
            using PayloadGen;

            namespace Demo;

            // Stands in for a System.Text.Json-generated context, whose generator does not run in this test.
            public sealed class FunctionsJsonContext : JsonSerializerContext
            {
                public FunctionsJsonContext() : base(null) { }
                public static FunctionsJsonContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            public partial class ReportFunctions
            {
                [ClaimCheck(JsonContext = typeof(FunctionsJsonContext))]
                public Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void ClaimCheckJsonOptions_member()
        => Verify(nameof(ClaimCheckJsonOptions_member), """
            using System.Text.Json;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                internal static JsonSerializerOptions ClaimCheckJsonOptions { get; } = new(JsonSerializerDefaults.Web);

                [ClaimCheck]
                public Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void Static_ClaimCheckRuntime_property()
        => Verify(nameof(Static_ClaimCheckRuntime_property), """
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                [ClaimCheck]
                public static Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void Inherited_instance_ClaimCheckRuntime_field()
        => Verify(nameof(Inherited_instance_ClaimCheckRuntime_field), """
            using PayloadGen;

            namespace Demo;

            public abstract class FunctionBase
            {
                protected readonly ClaimCheckRuntime ClaimCheckRuntime = ClaimCheckRuntime.Default;
            }

            public partial class ReportFunctions : FunctionBase
            {
                [ClaimCheck]
                public Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void Instance_ClaimCheckRuntime_is_not_used_by_a_static_wrapper()
        => Verify(nameof(Instance_ClaimCheckRuntime_is_not_used_by_a_static_wrapper), """
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                public ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                [ClaimCheck]
                public static Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void Bare_pointer_disallowed_when_the_request_has_a_bucket_member()
        => Verify(nameof(Bare_pointer_disallowed_when_the_request_has_a_bucket_member), """
            using PayloadGen;

            namespace Demo;

            public sealed class CopyRequest
            {
                public string Bucket { get; set; } = "";
                public string Target { get; set; } = "";
            }

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public Report Copy(CopyRequest request) => new();
            }
            """);

    [Fact]
    public void Nullable_annotations_are_kept()
        => Verify(nameof(Nullable_annotations_are_kept), """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public Task<Report?> Find(List<string?>? names) => Task.FromResult<Report?>(null);
            }
            """);

    [Fact]
    public void Value_type_payloads()
        => Verify(nameof(Value_type_payloads), """
            using PayloadGen;

            namespace Demo;

            public readonly record struct Point(int X, int Y);

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public static int? Distance(Point point) => point.X + point.Y;
            }
            """);

    [Fact]
    public void Dynamic_payload_and_response_are_object_in_the_wrapper()
        => Verify(nameof(Dynamic_payload_and_response_are_object_in_the_wrapper), """
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public static Task<dynamic> Describe(dynamic? input) => Task.FromResult<dynamic>(new { input });
            }
            """);

    [Fact]
    public void Source_and_threshold_from_the_attribute()
        => Verify(nameof(Source_and_threshold_from_the_attribute), """
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck(Source = PayloadSource.StepFunctions, InlineThresholdBytes = 200 * 1024)]
                public Report BuildReport(ReportRequest request) => new();
            }
            """);

    [Fact]
    public void Keyword_and_user_names_do_not_clash()
        => Verify(nameof(Keyword_and_user_names_do_not_clash), """
            using System.Threading;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class @event
            {
                private readonly string input = "field named like the wrapper's parameter";
                private static int __runtime = 42;

                [ClaimCheck]
                public Report @class(ReportRequest context, ILambdaContext request, CancellationToken input) => new() { Title = this.input + __runtime };
            }
            """);

    [Fact]
    public void Obsolete_handler_and_payload_types()
        => Verify(nameof(Obsolete_handler_and_payload_types), """
            using System;
            using PayloadGen;

            namespace Demo;

            [Obsolete("Use ReportRequest.")]
            public sealed class LegacyRequest { public string Name { get; set; } = ""; }

            public partial class ReportFunctions
            {
            #pragma warning disable CS0618
                [ClaimCheck]
                [Obsolete("Deploy BuildReport instead.")]
                public Report BuildLegacy(LegacyRequest request) => new() { Title = request.Name };
            #pragma warning restore CS0618
            }
            """);

    [Fact]
    public void Primary_constructor_parameters_named_like_the_wrappers_own()
        => Verify(nameof(Primary_constructor_parameters_named_like_the_wrappers_own), """
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions(string input, ILambdaContext context, int __runtime, int __request)
            {
                public ReportFunctions() : this("x", null!, 1, 2) { }

                [ClaimCheck]
                public Report BuildReport(ReportRequest request) => new() { Title = input + context + __runtime + __request + request.Name };
            }
            """);

    [Fact]
    public void Sqs_instance_Task_with_message_context_Lambda_context_and_cancellation()
        => Verify(nameof(Sqs_instance_Task_with_message_context_Lambda_context_and_cancellation), """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class ImportFunctions
            {
                [ClaimCheck(Source = PayloadSource.Sqs)]
                public async Task Import(QueueMessageContext message, ReportRequest request, ILambdaContext context, CancellationToken ct)
                {
                    await Task.Delay(1, ct);
                    context.Logger.LogLine(message.MessageId + request.Name);
                }
            }
            """);

    [Fact]
    public void Sqs_static_ValueTask_with_MaxConcurrency_and_JsonContext()
        => Verify(nameof(Sqs_static_ValueTask_with_MaxConcurrency_and_JsonContext), """
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            // Stands in for a System.Text.Json-generated context, whose generator does not run in this test.
            public sealed class FunctionsJsonContext : JsonSerializerContext
            {
                public FunctionsJsonContext() : base(null) { }
                public static FunctionsJsonContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            public static partial class ImportFunctions
            {
                [ClaimCheck(Source = PayloadSource.Sqs, MaxConcurrency = 8, JsonContext = typeof(FunctionsJsonContext))]
                public static ValueTask Import(ReportRequest request) => default;
            }
            """);

    [Fact]
    public void Sqs_static_with_Lambda_context_is_not_a_static_lambda()
        => Verify(nameof(Sqs_static_with_Lambda_context_is_not_a_static_lambda), """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial class ImportFunctions
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                [ClaimCheck(Source = PayloadSource.Sqs, MaxConcurrency = 1)]
                public static Task Import(ILambdaContext context, int? count) => Task.CompletedTask;
            }
            """);

    [Fact]
    public void Sqs_instance_struct_copies_this()
        => Verify(nameof(Sqs_instance_struct_copies_this), """
            using System.Threading;
            using PayloadGen;

            namespace Demo;

            public partial record struct ImportFunctions(string Prefix)
            {
                [ClaimCheck(Source = PayloadSource.Sqs)]
                public void Import(ReportRequest request, CancellationToken ct) => System.Console.WriteLine(Prefix + request.Name);
            }
            """);

    [Fact]
    public void Sns_static_void()
        => Verify(nameof(Sns_static_void), """
            using PayloadGen;

            namespace Demo;

            public static partial class NotificationFunctions
            {
                [ClaimCheck(Source = PayloadSource.Sns)]
                public static void Notify(QueueMessageContext message, ReportRequest? request) { }
            }
            """);

    [Fact]
    public void Sqs_without_Lambda_context_in_the_compilation()
        => Verify(nameof(Sqs_without_Lambda_context_in_the_compilation), """
            using System.Threading;
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ImportFunctions
            {
                [ClaimCheck(Source = PayloadSource.Sqs)]
                public Task Import(ReportRequest request, CancellationToken ct) => Task.CompletedTask;
            }
            """, lambdaContext: false);

    [Fact]
    public void Sqs_names_do_not_clash_with_user_names()
        => Verify(nameof(Sqs_names_do_not_clash_with_user_names), """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using PayloadGen;

            namespace Demo;

            public partial struct @event(string __message, int __self, string __messageContext, int __cancellationToken)
            {
                private static readonly int __runtime = 1;

                [ClaimCheck(Source = PayloadSource.Sqs)]
                public Task @class(CancellationToken input, ReportRequest context, ILambdaContext __deadline, QueueMessageContext message)
                    => Task.FromResult(__message + __self + __messageContext + __cancellationToken + __runtime + context.Name + __deadline.FunctionName + message.MessageId + input.IsCancellationRequested);
            }
            """);

    [Fact]
    public void Async_enumerable_response()
        => Verify(nameof(Async_enumerable_response), """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck]
                public async IAsyncEnumerable<Report> Export(ReportRequest request, [EnumeratorCancellation] CancellationToken ct)
                {
                    for (int i = 0; i < request.Rows; i++)
                    {
                        await Task.Yield();
                        yield return new Report { Title = request.Name + i };
                    }
                }
            }
            """);

    [Fact]
    public void Async_enumerable_request()
        => Verify(nameof(Async_enumerable_request), """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using PayloadGen;

            namespace Demo;

            public partial class ReportFunctions
            {
                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public async Task Import(IAsyncEnumerable<ReportRequest?> requests, CancellationToken ct)
                {
                    await foreach (ReportRequest? request in requests.WithCancellation(ct))
                    {
                        _ = request?.Name;
                    }
                }
            }
            """);

    private static void Verify(string name, string source, bool lambdaContext = true)
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create([Payloads, source], lambdaContext));

        Assert.Empty(run.DriverDiagnostics);
        Assert.Null(run.Result.Exception);
        string generated = Assert.Single(run.Sources).Value;
        Assert.Empty(run.OutputProblems());
        Snapshot.Verify(name, generated);
    }
}

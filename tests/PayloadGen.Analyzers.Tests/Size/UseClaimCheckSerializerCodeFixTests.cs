using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.CodeFixes;
using PayloadGen.Generators.Analyzers;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// The fix for a handler an executable binds with <c>LambdaBootstrapBuilder.Create(handler, serializer)</c>: the
/// bootstrap calls the method itself, so the serializer is swapped for a <c>[ClaimCheckSerializer]</c> — the project's
/// own, or a new one declared beside the call. Each test runs the generator before and after the fix, so the fixed
/// code is checked to compile (the generated part makes the class an <c>ILambdaSerializer</c>) and to leave the size
/// rule quiet.
/// </summary>
public class UseClaimCheckSerializerCodeFixTests
{
    private const string Handlers = """
        public class Document { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
        public class Functions
        {
            public async Task<Document> {|PG0101:Get|}(string name, ILambdaContext context) =>
                new Document { Name = name, Content = await File.ReadAllBytesAsync("/tmp/" + name) };
        }
        """;

    private const string FixedHandlers = """
        public class Document { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
        public class Functions
        {
            public async Task<Document> Get(string name, ILambdaContext context) =>
                new Document { Name = name, Content = await File.ReadAllBytesAsync("/tmp/" + name) };
        }
        """;

    [Fact]
    public async Task Declares_a_claim_check_serializer_and_passes_it_when_the_project_has_none()
    {
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider>
        {
            RunsGenerator = true,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                namespace App;

                public static class Program
                {
                    public static async Task Main()
                    {
                        var functions = new Functions();
                        await LambdaBootstrapBuilder.Create<string, Document>(functions.Get, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                    }
                }

                """ + Handlers,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                namespace App;

                public static class Program
                {
                    public static async Task Main()
                    {
                        var functions = new Functions();
                        await LambdaBootstrapBuilder.Create<string, Document>(functions.Get, new FunctionSerializer()).Build().RunAsync();
                    }
                }

                """ + FixedHandlers + """

                [ClaimCheckSerializer]
                public partial class FunctionSerializer;

                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Passes_the_projects_own_claim_check_serializer()
    {
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider>
        {
            RunsGenerator = true,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                [ClaimCheckSerializer] public partial class OffloadingSerializer;

                public static class Program
                {
                    public static async Task Main() =>
                        await LambdaBootstrapBuilder.Create<string, Document>(new Functions().Get, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }

                """ + Handlers,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                [ClaimCheckSerializer] public partial class OffloadingSerializer;

                public static class Program
                {
                    public static async Task Main() =>
                        await LambdaBootstrapBuilder.Create<string, Document>(new Functions().Get, new OffloadingSerializer()).Build().RunAsync();
                }

                """ + FixedHandlers,
        }.RunAsync();
    }

    [Fact]
    public async Task Keeps_the_json_context_of_a_source_generated_serializer_it_replaces_in_a_shared_field()
    {
        // The field is typed ILambdaSerializer, so its initializer is what changes: every call passing it changes with it.
        const string Context = """

            [System.Text.Json.Serialization.JsonSerializable(typeof(Document))]
            public partial class DocumentContext : System.Text.Json.Serialization.JsonSerializerContext
            {
                public DocumentContext() : base(null) { }
                public static DocumentContext Default { get; } = new();
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
            }
            """;
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider>
        {
            RunsGenerator = true,
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                public static class Program
                {
                    private static readonly ILambdaSerializer Serializer = new SourceGeneratorLambdaJsonSerializer<DocumentContext>();

                    public static async Task Main() =>
                        await LambdaBootstrapBuilder.Create<string, Document>(new Functions().Get, Serializer).Build().RunAsync();
                }

                """ + Handlers + Context,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                public static class Program
                {
                    private static readonly ILambdaSerializer Serializer = new FunctionSerializer();

                    public static async Task Main() =>
                        await LambdaBootstrapBuilder.Create<string, Document>(new Functions().Get, Serializer).Build().RunAsync();
                }

                """ + FixedHandlers + Context + """

                [ClaimCheckSerializer(JsonContext = typeof(DocumentContext))]
                public partial class FunctionSerializer;

                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Fixes_a_request_rule_on_a_method_the_bootstrap_binds()
    {
        await new PayloadGenCodeFixTest<RequestSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider>
        {
            RunsGenerator = true,
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                [ClaimCheckSerializer] public partial class OffloadingSerializer;
                public class Upload { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }

                public class Importer
                {
                    public Task<string> Import(Upload {|PG0112:upload|}, ILambdaContext context) => Task.FromResult(upload.Name);
                }

                public static class Program
                {
                    public static async Task Main() =>
                        await LambdaBootstrapBuilder.Create<Upload, string>(new Importer().Import, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                [ClaimCheckSerializer] public partial class OffloadingSerializer;
                public class Upload { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }

                public class Importer
                {
                    public Task<string> Import(Upload upload, ILambdaContext context) => Task.FromResult(upload.Name);
                }

                public static class Program
                {
                    public static async Task Main() =>
                        await LambdaBootstrapBuilder.Create<Upload, string>(new Importer().Import, new OffloadingSerializer()).Build().RunAsync();
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Fixes_a_lambda_forwarding_to_a_method_and_the_method_with_one_edit()
    {
        // Both the lambda and the method it forwards to are reported; the local serializer they share is what changes.
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider>
        {
            RunsGenerator = true,
            TestCode = """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                [ClaimCheckSerializer] public partial class OffloadingSerializer;

                public static class Program
                {
                    public static async Task Main()
                    {
                        ILambdaSerializer serializer = new DefaultLambdaJsonSerializer();
                        var functions = new Functions();
                        Func<string, ILambdaContext, Task<Document>> handler = async (name, context) {|PG0101:=>|} await functions.Get(name, context);
                        await LambdaBootstrapBuilder.Create(handler, serializer).Build().RunAsync();
                    }
                }

                """ + Handlers,
            FixedCode = """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using PayloadGen;

                [ClaimCheckSerializer] public partial class OffloadingSerializer;

                public static class Program
                {
                    public static async Task Main()
                    {
                        ILambdaSerializer serializer = new OffloadingSerializer();
                        var functions = new Functions();
                        Func<string, ILambdaContext, Task<Document>> handler = async (name, context) => await functions.Get(name, context);
                        await LambdaBootstrapBuilder.Create(handler, serializer).Build().RunAsync();
                    }
                }

                """ + FixedHandlers,
        }.RunAsync();
    }

    [Fact]
    public async Task Is_not_offered_for_a_handler_no_bootstrap_binds()
    {
        // A classic handler gets [ClaimCheck] (AddClaimCheckCodeFixProvider); there is no serializer call to change.
        const string code = """
            using Amazon.Lambda.Core;
            public class Functions
            {
                public string {|PG0101:Report|}(string name, ILambdaContext context) => System.IO.File.ReadAllText(name);
            }
            """;
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }

    [Fact]
    public async Task Is_not_offered_when_the_overload_passes_the_flagged_stream_through_any_serializer()
    {
        // Create(Func<Stream, ILambdaContext, Task<Stream>>, serializer) hands the response stream to Lambda untouched.
        const string code = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            public static class Program
            {
                private static Task<Stream> {|PG0101:Export|}(Stream input, ILambdaContext context) => Task.FromResult<Stream>(File.OpenRead("/tmp/export.json"));

                public static async Task Main() =>
                    await LambdaBootstrapBuilder.Create(Export, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            }
            """;
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, UseClaimCheckSerializerCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }
}

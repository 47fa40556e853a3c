using System.Threading.Tasks;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.CodeFixes;
using PayloadGen.Generators.Analyzers;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

public class AddClaimCheckCodeFixTests
{
    [Fact]
    public async Task Adds_the_attribute_the_using_and_partial_to_every_containing_type()
    {
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, AddClaimCheckCodeFixProvider>
        {
            TestCode = """
                using System.IO;
                using Amazon.Lambda.Core;

                namespace App
                {
                    public static class Outer
                    {
                        public class Functions
                        {
                            /// <summary>Returns the file.</summary>
                            public byte[] {|PG0101:Download|}(string key, ILambdaContext context) => File.ReadAllBytes(key);
                        }
                    }
                }
                """,
            FixedCode = """
                using System.IO;
                using Amazon.Lambda.Core;
                using PayloadGen;

                namespace App
                {
                    public static partial class Outer
                    {
                        public partial class Functions
                        {
                            /// <summary>Returns the file.</summary>
                            [ClaimCheck]
                            public byte[] Download(string key, ILambdaContext context) => File.ReadAllBytes(key);
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Names_the_inferred_source_and_keeps_existing_attributes()
    {
        var test = new PayloadGenCodeFixTest<RequestSizeAnalyzer, AddClaimCheckCodeFixProvider>
        {
            TestCode = """
                using System;
                using PayloadGen;
                namespace App
                {
                    public class Notice { public byte[] Attachment { get; set; } = []; }
                    public partial class Functions
                    {
                        [Obsolete("use v2")]
                        public void Notify(Notice {|PG0112:notice|}) { }
                    }
                }
                """,
            FixedCode = """
                using System;
                using PayloadGen;
                namespace App
                {
                    public class Notice { public byte[] Attachment { get; set; } = []; }
                    public partial class Functions
                    {
                        [ClaimCheck(Source = PayloadSource.Sns)]
                        [Obsolete("use v2")]
                        public void Notify(Notice notice) { }
                    }
                }
                """,
        };
        const string template = """
            Resources:
              Notify:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::App.Functions::Notify
                  Events:
                    Topic:
                      Type: SNS
            """;
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", template));
        test.FixedState.AdditionalFiles.Add(("/0/template.yaml", template));
        await test.RunAsync();
    }

    [Fact]
    public async Task Adds_a_first_using_below_the_file_header()
    {
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, AddClaimCheckCodeFixProvider>
        {
            TestCode = """
                // Copyright header.
                public class Functions
                {
                    public byte[] {|PG0101:Download|}(string key, Amazon.Lambda.Core.ILambdaContext context) => System.IO.File.ReadAllBytes(key);
                }
                """,
            FixedCode = """
                // Copyright header.
                using PayloadGen;

                public partial class Functions
                {
                    [ClaimCheck]
                    public byte[] Download(string key, Amazon.Lambda.Core.ILambdaContext context) => System.IO.File.ReadAllBytes(key);
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_all_annotates_every_handler_and_makes_shared_types_partial_once()
    {
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, AddClaimCheckCodeFixProvider>
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Collections.Generic;
                    using System.IO;
                    using Amazon.Lambda.Core;
                    public class Functions
                    {
                        public byte[] {|PG0101:One|}(string key, ILambdaContext context) => File.ReadAllBytes(key);
                        public List<string> {|PG0111:Two|}(List<string> keys, ILambdaContext context) => keys;
                    }
                    """,
                    """
                    using System.IO;
                    using Amazon.Lambda.Core;
                    public class More
                    {
                        public string {|PG0101:Three|}(string key, ILambdaContext context) => File.ReadAllText(key);
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using System.Collections.Generic;
                    using System.IO;
                    using Amazon.Lambda.Core;
                    using PayloadGen;
                    public partial class Functions
                    {
                        [ClaimCheck]
                        public byte[] One(string key, ILambdaContext context) => File.ReadAllBytes(key);
                        [ClaimCheck]
                        public List<string> Two(List<string> keys, ILambdaContext context) => keys;
                    }
                    """,
                    """
                    using System.IO;
                    using Amazon.Lambda.Core;
                    using PayloadGen;
                    public partial class More
                    {
                        [ClaimCheck]
                        public string Three(string key, ILambdaContext context) => File.ReadAllText(key);
                    }
                    """,
                },
            },
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfIncrementalIterations = 3,
        }.RunAsync();
    }

    [Fact]
    public async Task Is_offered_for_HTTP_proxy_handlers_whose_source_follows_from_the_response_type()
    {
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, AddClaimCheckCodeFixProvider>
        {
            TestCode = """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.APIGatewayEvents;
                using Amazon.Lambda.ApplicationLoadBalancerEvents;
                public class Functions
                {
                    public APIGatewayProxyResponse {|PG0101:Get|}(APIGatewayProxyRequest request, ILambdaContext context) =>
                        new() { Body = System.IO.File.ReadAllText("big.json") };

                    public ApplicationLoadBalancerResponse {|PG0101:Alb|}(ApplicationLoadBalancerRequest request, ILambdaContext context) =>
                        new() { Body = System.IO.File.ReadAllText("big.json") };
                }
                """,
            FixedCode = """
                using Amazon.Lambda.Core;
                using Amazon.Lambda.APIGatewayEvents;
                using Amazon.Lambda.ApplicationLoadBalancerEvents;
                using PayloadGen;
                public partial class Functions
                {
                    [ClaimCheck]
                    public APIGatewayProxyResponse Get(APIGatewayProxyRequest request, ILambdaContext context) =>
                        new() { Body = System.IO.File.ReadAllText("big.json") };

                    [ClaimCheck]
                    public ApplicationLoadBalancerResponse Alb(ApplicationLoadBalancerRequest request, ILambdaContext context) =>
                        new() { Body = System.IO.File.ReadAllText("big.json") };
                }
                """,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public async Task Is_not_offered_for_a_plain_object_that_Annotations_answers_through_API_Gateway()
    {
        const string code = """
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            public class Functions
            {
                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Get, "/report")]
                public string {|PG0101:Report|}() => System.IO.File.ReadAllText("big.json");
            }
            """;
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, AddClaimCheckCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }

    [Fact]
    public async Task Is_not_offered_for_a_method_an_executable_binds_with_LambdaBootstrapBuilder()
    {
        // The bootstrap calls Functions.Report itself, never the wrapper [ClaimCheck] would add: the serializer is the fix.
        const string code = """
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            public class Functions
            {
                public string {|PG0101:Report|}(string name, ILambdaContext context) => System.IO.File.ReadAllText(name);
            }
            public static class Program
            {
                public static async Task Main() =>
                    await LambdaBootstrapBuilder.Create<string, string>(new Functions().Report, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            }
            """;
        await new PayloadGenCodeFixTest<ResponseSizeAnalyzer, AddClaimCheckCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }
}

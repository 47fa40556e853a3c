using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Usage;

public class DeployedHandlerBypassesClaimCheckTests
{
    private const string Handlers = """
        using PayloadGen;
        namespace Reports
        {
            public record Report(string Id);
            public partial class Functions
            {
                [ClaimCheck] public Report Build(string id) => new(id);
                [ClaimCheck(Source = PayloadSource.Sqs)] public void Import(Report report) { }
                public Report Plain(string id) => new(id);
                public partial class Nested
                {
                    [ClaimCheck] public Report Deep(string id) => new(id);
                }
            }
        }
        """;

    private static PayloadGenAnalyzerTest<DeploymentHandlerAnalyzer> Test(string fileName, string content)
    {
        var test = new PayloadGenAnalyzerTest<DeploymentHandlerAnalyzer> { TestCode = Handlers };
        test.TestState.AdditionalFiles.Add(("/0/" + fileName, content));
        return test;
    }

    [Fact]
    public async Task Reports_function_handler_of_tools_defaults_at_the_string_naming_the_wrapper()
    {
        var test = Test("aws-lambda-tools-defaults.json", """
            {
              "profile": "default",
              "function-runtime": "dotnet8",
              "function-handler": "{|#0:TestProject::Reports.Functions::Build|}"
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DeployedHandlerBypassesClaimCheck).WithLocation(0)
            .WithMessage("Handler 'TestProject::Reports.Functions::Build' names the [ClaimCheck] method itself, so large payloads are not offloaded in production; deploy 'TestProject::Reports.Functions::BuildClaimCheck'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_every_function_of_a_serverless_template()
    {
        var test = Test("serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "Build": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": { "Handler": "{|#0:TestProject::Reports.Functions::Build|}", "Runtime": "dotnet8", "MemorySize": 512 }
                },
                "Import": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "{|#1:TestProject::Reports.Functions::Import|}",
                    "Events": { "Queue": { "Type": "SQS", "Properties": { "Queue": { "Fn::GetAtt": ["Q", "Arn"] } } } }
                  }
                },
                "Wrapped": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Reports.Functions::BuildClaimCheck" } },
                "Plain": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Reports.Functions::Plain" } },
                "Bucket": { "Type": "AWS::S3::Bucket", "Properties": { "Handler": "TestProject::Reports.Functions::Build" } }
              }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DeployedHandlerBypassesClaimCheck).WithLocation(0)
            .WithArguments("TestProject::Reports.Functions::Build", "TestProject::Reports.Functions::BuildClaimCheck"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DeployedHandlerBypassesClaimCheck).WithLocation(1)
            .WithArguments("TestProject::Reports.Functions::Import", "TestProject::Reports.Functions::ImportClaimCheck"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_SAM_yaml_handlers_quoted_plain_and_nested_types()
    {
        var test = Test("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            # Handler: TestProject::Reports.Functions::Build   (a comment, not a handler)
            Globals:
              Function:
                Timeout: 30
            Resources:
              BuildFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|#0:TestProject::Reports.Functions::Build|}   # the unwrapped method
                  Runtime: dotnet8
                  Policies:
                    - S3CrudPolicy:
                        BucketName: !Ref Bucket
                  Events:
                    Api:
                      Type: HttpApi
                      Properties:
                        Path: /reports
                        Method: get
              DeepFunction:
                Type: "AWS::Serverless::Function"
                Properties:
                  Description: |
                    Handler: TestProject::Reports.Functions::Build
                  Handler: "{|#1:TestProject::Reports.Functions+Nested::Deep|}"
              GoodFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: 'TestProject::Reports.Functions::BuildClaimCheck'
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DeployedHandlerBypassesClaimCheck).WithLocation(0)
            .WithArguments("TestProject::Reports.Functions::Build", "TestProject::Reports.Functions::BuildClaimCheck"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DeployedHandlerBypassesClaimCheck).WithLocation(1)
            .WithArguments("TestProject::Reports.Functions+Nested::Deep", "TestProject::Reports.Functions+Nested::DeepClaimCheck"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("aws-lambda-tools-defaults.json", """{ "function-handler": "OtherAssembly::Reports.Functions::Build" }""")]
    [InlineData("aws-lambda-tools-defaults.json", """{ "function-handler": "TestProject::Reports.Missing::Build" }""")]
    [InlineData("aws-lambda-tools-defaults.json", """{ "function-handler": "TestProject::Reports.Functions::Build""")]
    [InlineData("aws-lambda-tools-defaults.json", """{ "function-handler": "bootstrap" }""")]
    [InlineData("appsettings.json", """{ "function-handler": "TestProject::Reports.Functions::Build" }""")]
    [InlineData("template.yaml", "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::Reports.Functions::Plain\n")]
    [InlineData("template.yaml", "Resources: [\n  {{{ not yaml")]
    public async Task Is_silent_for_other_assemblies_unknown_methods_malformed_and_unrelated_files(string fileName, string content)
    {
        await Test(fileName, content).RunAsync();
    }
}

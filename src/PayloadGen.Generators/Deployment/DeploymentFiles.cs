using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Deployment;

/// <summary>
/// Finds the functions declared in the deployment files passed as AdditionalFiles:
/// <c>aws-lambda-tools-defaults.json</c> (<c>function-handler</c>), <c>serverless.template</c> (CloudFormation JSON)
/// and <c>template.yaml</c>/<c>template.yml</c> (SAM YAML) — <c>Handler</c> and <c>Events</c> of every
/// <c>AWS::Serverless::Function</c> and <c>AWS::Lambda::Function</c>.
/// </summary>
internal static class DeploymentFiles
{
    public static bool IsDeploymentFile(string path)
    {
        string name = Path.GetFileName(path);
        return string.Equals(name, "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "serverless.template", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "template.yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "template.yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every function of every deployment file in <paramref name="options"/>; empty when there are none.</summary>
    public static ImmutableArray<DeployedFunction> ReadAll(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<DeployedFunction>.Builder? functions = null;
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (!IsDeploymentFile(file.Path))
            {
                continue;
            }

            functions ??= ImmutableArray.CreateBuilder<DeployedFunction>();
            functions.AddRange(Read(file, cancellationToken));
        }

        return functions?.ToImmutable() ?? ImmutableArray<DeployedFunction>.Empty;
    }

    public static ImmutableArray<DeployedFunction> Read(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return ImmutableArray<DeployedFunction>.Empty;
        }

        string content = text.ToString();
        string name = Path.GetFileName(file.Path);
        bool isYaml = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        DeploymentNode? root = isYaml ? MinimalYamlReader.Read(content) : MinimalJsonReader.Read(content);
        if (root is null)
        {
            return ImmutableArray<DeployedFunction>.Empty;
        }

        var functions = ImmutableArray.CreateBuilder<DeployedFunction>();
        if (root.Get("function-handler") is { } toolsHandler)
        {
            Add(functions, file.Path, text, toolsHandler, path: null);
        }

        if (root.Get("Resources") is { } resources)
        {
            HashSet<string> stateMachineTasks = StateMachineReferences(resources);
            foreach (KeyValuePair<string, DeploymentNode> resource in resources.Members)
            {
                string? type = resource.Value.Get("Type")?.Scalar;
                if (type is not ("AWS::Serverless::Function" or "AWS::Lambda::Function")
                    || resource.Value.Get("Properties") is not { } properties
                    || properties.Get("Handler") is not { } handler)
                {
                    continue;
                }

                // A function a state machine calls returns into a 256 KiB state, the tightest of its limits.
                InvocationPath? path = stateMachineTasks.Contains(resource.Key)
                    ? InvocationPath.StepFunctions
                    : PathOfEvents(properties.Get("Events"));
                Add(functions, file.Path, text, handler, path);
            }
        }

        return functions.ToImmutable();
    }

    private static void Add(ImmutableArray<DeployedFunction>.Builder functions, string filePath, SourceText text, DeploymentNode handlerNode, InvocationPath? path)
    {
        if (HandlerString.TryParse(handlerNode.Scalar) is not { } handler || handlerNode.Span.End > text.Length)
        {
            return;
        }

        Location location = Location.Create(filePath, handlerNode.Span, text.Lines.GetLinePositionSpan(handlerNode.Span));
        functions.Add(new DeployedFunction(handler, location, path));
    }

    /// <summary>
    /// The logical ids of functions that a state machine (<c>AWS::Serverless::StateMachine</c>,
    /// <c>AWS::StepFunctions::StateMachine</c>) references anywhere in its properties: <c>!GetAtt F.Arn</c>,
    /// <c>!Ref F</c>, <c>${F.Arn}</c> in a definition, or <c>{"Fn::GetAtt": ["F", "Arn"]}</c>.
    /// </summary>
    private static HashSet<string> StateMachineReferences(DeploymentNode resources)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var scalars = new List<string>();
        foreach (KeyValuePair<string, DeploymentNode> resource in resources.Members)
        {
            if (resource.Value.Get("Type")?.Scalar is "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine"
                && resource.Value.Get("Properties") is { } properties)
            {
                CollectScalars(properties, scalars, depth: 0);
            }
        }

        if (scalars.Count == 0)
        {
            return referenced;
        }

        foreach (KeyValuePair<string, DeploymentNode> resource in resources.Members)
        {
            string id = resource.Key;
            foreach (string scalar in scalars)
            {
                if (scalar == id
                    || scalar == "!Ref " + id
                    || scalar.IndexOf(id + ".Arn", StringComparison.Ordinal) >= 0
                    || scalar.IndexOf("${" + id + "}", StringComparison.Ordinal) >= 0)
                {
                    referenced.Add(id);
                    break;
                }
            }
        }

        return referenced;
    }

    private static void CollectScalars(DeploymentNode node, List<string> scalars, int depth)
    {
        if (node.Scalar is { Length: > 0 } scalar)
        {
            scalars.Add(scalar);
        }

        if (depth > 32)
        {
            return;
        }

        foreach (KeyValuePair<string, DeploymentNode> member in node.Members)
        {
            CollectScalars(member.Value, scalars, depth + 1);
        }
    }

    /// <summary>
    /// The invocation path of a SAM <c>Events</c> mapping. With several sources the one with the tightest
    /// response limit wins, as the response must fit every caller that waits for it.
    /// </summary>
    internal static InvocationPath? PathOfEvents(DeploymentNode? events)
    {
        if (events is null)
        {
            return null;
        }

        InvocationPath? best = null;
        foreach (KeyValuePair<string, DeploymentNode> entry in events.Members)
        {
            InvocationPath? path = entry.Value.Get("Type")?.Scalar switch
            {
                "Api" or "HttpApi" => InvocationPath.ApiGateway,
                "SQS" => InvocationPath.Sqs,
                "SNS" => InvocationPath.Sns,
                "Kinesis" or "DynamoDB" or "MSK" or "MQ" or "SelfManagedKafka" or "DocumentDB" => InvocationPath.Stream,
                "S3" or "Schedule" or "ScheduleV2" or "CloudWatchEvent" or "EventBridgeRule" or "CloudWatchLogs" or "IoTRule" or "Cognito" => InvocationPath.AsyncInvoke,
                _ => null,
            };
            if (path is not null && (best is null || Rank(path.Value) < Rank(best.Value)))
            {
                best = path;
            }
        }

        return best;
    }

    private static int Rank(InvocationPath path) => path switch
    {
        InvocationPath.ApiGateway => 0,
        InvocationPath.Sns => 1,
        InvocationPath.Sqs => 2,
        InvocationPath.AsyncInvoke => 3,
        _ => 4,
    };
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.SizeModel;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// PG0103 (likely) and PG0113 (possible): the producing side. A message body for SQS SendMessage(Batch), SNS
/// Publish, EventBridge PutEvents or Lambda Invoke that is serialized from data likely (or able) to exceed that
/// service's limit. Bodies are found where they are set: request initializers and assignments, constructor
/// arguments, and the <c>(queueUrl, messageBody)</c>/<c>(topicArn, message)</c> overloads.
/// </summary>
public sealed class MessageSizeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.MessageLikelyExceedsLimit, Rules.MessageMayExceedLimit);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var targets = new MessageTargets(start.Compilation);
            if (!targets.Any)
            {
                return;
            }

            // Syntax first, bound only when its names can be a body: operation actions would have the driver bind every
            // method of the project for this rule.
            SizeEngine engine = SizeRuleContext.For(start.Compilation).Engine;
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (targets.MayBeBody(node.Node) && node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is { } operation)
                    {
                        Analyze(node, operation, targets, engine);
                    }
                },
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxKind.InvocationExpression,
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, IOperation operation, MessageTargets targets, SizeEngine engine)
    {
        if (operation is ISimpleAssignmentOperation assignment)
        {
            AnalyzeAssignment(context, assignment, targets, engine);
        }
        else
        {
            AnalyzeCall(context, operation, targets, engine);
        }
    }

    private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context, ISimpleAssignmentOperation assignment, MessageTargets targets, SizeEngine engine)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || targets.BodyOf(property) is not { } body)
        {
            return;
        }

        InvocationPath path = body.Path;
        if (body.IsLambdaInvoke)
        {
            path = InvokesAsynchronously(assignment) ? InvocationPath.AsyncInvoke : InvocationPath.Sync;
        }

        Report(context, assignment.Value, path, body.Describe(path), engine);
    }

    private static void AnalyzeCall(SyntaxNodeAnalysisContext context, IOperation call, MessageTargets targets, SizeEngine engine)
    {
        ImmutableArray<IArgumentOperation> arguments;
        IMethodSymbol? method;
        switch (call)
        {
            case IObjectCreationOperation creation:
                arguments = creation.Arguments;
                method = creation.Constructor;
                break;
            case IInvocationOperation invocation:
                if (!IsSendOrPublish(invocation.TargetMethod.Name))
                {
                    return;
                }

                arguments = invocation.Arguments;
                method = invocation.TargetMethod;
                break;
            default:
                return;
        }

        if (arguments.IsEmpty || method?.ContainingType is not { } type || targets.BodyParameterOwner(type) is not { } body)
        {
            return;
        }

        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Name is "messageBody" or "message" && argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter.Type.SpecialType == SpecialType.System_String)
            {
                Report(context, argument.Value, body.Path, body.Describe(body.Path), engine);
            }
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, IOperation value, InvocationPath path, string what, SizeEngine engine)
    {
        if (value.Syntax.SyntaxTree is not { } tree)
        {
            return;
        }

        long limit = SizeLimitOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree)).RequestLimit(path);
        FlowFindings findings = new PayloadFlowAnalysis(PayloadFlowAnalysis.RootOf(value), engine).Trace(value);
        SizeVerdict verdict = SizeVerdict.Judge(null, findings, engine.Sizes, limit, context.ContainingSymbol?.Name ?? string.Empty);
        if (verdict.Level == SizeLevel.Silent)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            verdict.Level == SizeLevel.Likely ? Rules.MessageLikelyExceedsLimit : Rules.MessageMayExceedLimit,
            value.Syntax.GetLocation(),
            what,
            SizeVerdict.Bytes(limit),
            verdict.Reason));
    }

    private static bool IsSendOrPublish(string name) => name is "SendMessageAsync" or "SendMessage" or "PublishAsync" or "Publish";

    /// <summary>True when the InvokeRequest being initialized sets <c>InvocationType = InvocationType.Event</c> (or "Event").</summary>
    private static bool InvokesAsynchronously(ISimpleAssignmentOperation payload)
    {
        if (payload.Parent is not IObjectOrCollectionInitializerOperation initializer)
        {
            return false;
        }

        foreach (IOperation sibling in initializer.Initializers)
        {
            if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "InvocationType" } } invocationType)
            {
                IOperation value = invocationType.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                return value switch
                {
                    IFieldReferenceOperation field => field.Field.Name == "Event",
                    IPropertyReferenceOperation property => property.Property.Name == "Event",
                    _ => value.ConstantValue is { HasValue: true, Value: "Event" },
                };
            }
        }

        return false;
    }

    /// <summary>The AWS SDK request types and clients whose bodies are checked, resolved once per compilation.</summary>
    private sealed class MessageTargets
    {
        private readonly ImmutableArray<MessageBody> _bodies;
        private readonly INamedTypeSymbol? _sqsClient;
        private readonly INamedTypeSymbol? _snsClient;

        public MessageTargets(Compilation compilation)
        {
            ImmutableArray<MessageBody>.Builder bodies = ImmutableArray.CreateBuilder<MessageBody>();
            Add(bodies, compilation, "Amazon.SQS.Model.SendMessageRequest", "MessageBody", InvocationPath.Sqs, "SQS message body");
            Add(bodies, compilation, "Amazon.SQS.Model.SendMessageBatchRequestEntry", "MessageBody", InvocationPath.Sqs, "SQS message body");
            Add(bodies, compilation, "Amazon.SimpleNotificationService.Model.PublishRequest", "Message", InvocationPath.Sns, "SNS message");
            Add(bodies, compilation, "Amazon.SimpleNotificationService.Model.PublishBatchRequestEntry", "Message", InvocationPath.Sns, "SNS message");
            Add(bodies, compilation, "Amazon.EventBridge.Model.PutEventsRequestEntry", "Detail", InvocationPath.EventBridge, "EventBridge event detail");
            Add(bodies, compilation, "Amazon.Lambda.Model.InvokeRequest", "Payload", InvocationPath.Sync, "Lambda Invoke payload");
            _bodies = bodies.ToImmutable();
            _sqsClient = compilation.GetTypeByMetadataName("Amazon.SQS.IAmazonSQS");
            _snsClient = compilation.GetTypeByMetadataName("Amazon.SimpleNotificationService.IAmazonSimpleNotificationService");
        }

        public bool Any => !_bodies.IsEmpty || _sqsClient is not null || _snsClient is not null;

        /// <summary>
        /// False when <paramref name="node"/>'s names rule it out as a body: an assignment to a property of another name,
        /// a call to a method other than the send and publish ones, a creation of another type or without arguments (only
        /// <c>new(queueUrl, body)</c> names no type, and is bound).
        /// </summary>
        public bool MayBeBody(SyntaxNode node) => node switch
        {
            AssignmentExpressionSyntax assignment => RightmostName(assignment.Left) is { } property && IsBodyProperty(property),
            InvocationExpressionSyntax invocation => RightmostName(invocation.Expression) is { } method && IsSendOrPublish(method),
            ObjectCreationExpressionSyntax creation => creation.ArgumentList is { Arguments.Count: > 0 } && RightmostName(creation.Type) is { } type && IsBodyType(type),
            ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList.Arguments.Count > 0,
            _ => false,
        };

        private bool IsBodyProperty(string name)
        {
            foreach (MessageBody body in _bodies)
            {
                if (body.Property == name)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsBodyType(string name)
        {
            foreach (MessageBody body in _bodies)
            {
                if (body.Type.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? RightmostName(SyntaxNode expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The body <paramref name="property"/> is, if it is one.</summary>
        public MessageBody? BodyOf(IPropertySymbol property)
        {
            foreach (MessageBody body in _bodies)
            {
                if (property.Name == body.Property && SymbolEqualityComparer.Default.Equals(property.ContainingType, body.Type))
                {
                    return body;
                }
            }

            return null;
        }

        /// <summary>The body a <c>messageBody</c>/<c>message</c> parameter of a member of <paramref name="type"/> carries.</summary>
        public MessageBody? BodyParameterOwner(INamedTypeSymbol type)
        {
            foreach (MessageBody body in _bodies)
            {
                if (SymbolEqualityComparer.Default.Equals(type, body.Type))
                {
                    return body;
                }
            }

            if (Implements(type, _sqsClient))
            {
                return new MessageBody(type, "messageBody", InvocationPath.Sqs, "SQS message body");
            }

            return Implements(type, _snsClient) ? new MessageBody(type, "message", InvocationPath.Sns, "SNS message") : null;
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? client)
        {
            if (client is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, client))
            {
                return true;
            }

            foreach (INamedTypeSymbol candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, client))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Add(ImmutableArray<MessageBody>.Builder bodies, Compilation compilation, string typeName, string property, InvocationPath path, string what)
        {
            if (compilation.GetTypeByMetadataName(typeName) is { } type)
            {
                bodies.Add(new MessageBody(type, property, path, what));
            }
        }
    }

    private sealed class MessageBody
    {
        public MessageBody(INamedTypeSymbol type, string property, InvocationPath path, string what)
        {
            Type = type;
            Property = property;
            Path = path;
            What = what;
        }

        public INamedTypeSymbol Type { get; }

        public string Property { get; }

        public InvocationPath Path { get; }

        public string What { get; }

        public bool IsLambdaInvoke => Type.Name == "InvokeRequest";

        public string Describe(InvocationPath path) =>
            IsLambdaInvoke ? (path == InvocationPath.AsyncInvoke ? "asynchronous " : "synchronous ") + What : What;
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Follows a value back through one body to the evidence DESIGN §6 counts, and to what bounds it. The tracer itself
/// only knows the language: locals (<see cref="LocalFlowIndex"/>), initializers, awaits, conversions, conditionals and
/// constants. What an API call means is asked of the recognizers (<see cref="SizeEngine.Recognizers"/>, one per API
/// family), and a call into the user's own code is answered by that method's summary (<see cref="MethodSummaries"/>).
/// Anything else yields nothing, so unknown code never produces a finding (precision first).
/// </summary>
internal sealed class PayloadFlowAnalysis
{
    private const int MaxDepth = 16;

    private readonly IOperation _root;
    private LocalFlowIndex? _locals;

    public PayloadFlowAnalysis(IOperation root, SizeEngine engine, IMethodSymbol? owner = null, CallChain? calls = null)
    {
        _root = root;
        Engine = engine;
        Owner = owner;
        Calls = calls ?? CallChain.Root;
    }

    /// <summary>The method whose body this is, when it is summarized: flows from its parameters are recorded.</summary>
    public IMethodSymbol? Owner { get; }

    public SizeEngine Engine { get; }

    /// <summary>The methods whose summaries are being computed around this body.</summary>
    public CallChain Calls { get; }

    private LocalFlowIndex Locals => _locals ??= new LocalFlowIndex(_root);

    /// <summary>Every write of <paramref name="local"/> in the traced body (its initializer included).</summary>
    internal IReadOnlyList<IOperation> WritesOf(ILocalSymbol local) => Locals.Writes(local);

    /// <summary>The values a method body returns, leaving out those of lambdas and local functions.</summary>
    public static List<IOperation> ReturnedValues(IOperation body)
    {
        var values = new List<IOperation>();
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is IReturnOperation { ReturnedValue: { } value } returned && returned.Kind == OperationKind.Return)
            {
                values.Add(value);
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return values;
    }

    /// <summary>The method body (or other root) that contains <paramref name="operation"/>.</summary>
    public static IOperation RootOf(IOperation operation)
    {
        IOperation current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    public FlowFindings Trace(IOperation value)
    {
        var findings = new FlowFindings();
        Trace(value, findings);
        return findings;
    }

    /// <summary>Adds what tracing <paramref name="value"/> finds to <paramref name="findings"/>.</summary>
    public void Trace(IOperation value, FlowFindings findings) =>
        Trace(value, new ValueTrace(this, EvidencePath.Empty, findings, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0));

    internal void Trace(IOperation? operation, ValueTrace trace)
    {
        if (operation is null || trace.Depth > MaxDepth)
        {
            return;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            trace.Findings.AddConstant(2 + JsonEscaping.EscapedLength(constant), new Evidence(EvidenceKind.ConstantText, trace.Path, OperationText.Count(constant.Length)));
            return;
        }

        // Values whose type cannot grow (counts, flags, small structs) carry no size from their sources.
        if (operation.Type is { } type && type.TypeKind != TypeKind.Error && Engine.Sizes.Estimate(type).Range.IsBounded)
        {
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                trace.Follow(conversion.Operand);
                break;
            case IAwaitOperation awaited:
                trace.Follow(awaited.Operation);
                break;
            case ILocalReferenceOperation local:
                TraceLocal(local.Local, trace);
                break;
            case IConditionalOperation conditional:
                trace.Follow(conditional.WhenTrue);
                trace.Follow(conditional.WhenFalse);
                break;
            case ICoalesceOperation coalesce:
                trace.Follow(coalesce.Value);
                trace.Follow(coalesce.WhenNull);
                break;
            case ISwitchExpressionOperation switchExpression:
                // "read" => HandleRead(request): every arm, so a helper chosen by an action field is followed.
                foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                {
                    trace.Follow(arm.Value);
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                // "[" + string.Join(",", rows) + "]" holds its text operands whole, as string.Concat does.
                FollowText(concatenation.LeftOperand, trace);
                FollowText(concatenation.RightOperand, trace);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        FollowText(hole.Expression, trace);
                    }
                }

                break;
            case IObjectCreationOperation creation:
                TraceCreation(creation, trace);
                break;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (IOperation initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment)
                    {
                        trace.Follow(assignment.Value, trace.Path.Member("<anonymous>", member.Member.Name));
                    }
                }

                break;
            case IArrayCreationOperation array when array.Initializer is { } arrayInitializer:
                trace.Found(EvidenceKind.FixedList, OperationText.Count(arrayInitializer.ElementValues.Length));
                foreach (IOperation element in arrayInitializer.ElementValues)
                {
                    trace.Follow(element);
                }

                break;
            case ICollectionExpressionOperation collection:
                bool spreads = false;
                foreach (IOperation element in collection.Elements)
                {
                    spreads |= element is ISpreadOperation;
                    trace.Follow(element is ISpreadOperation spread ? spread.Operand : element);
                }

                if (!spreads)
                {
                    trace.Found(EvidenceKind.FixedList, OperationText.Count(collection.Elements.Length));
                }

                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                // One element of a list (matches[0], item["attr"]) is one item, not the list.
                break;
            case IPropertyReferenceOperation property:
                TraceProperty(property, trace);
                break;
            case IParameterReferenceOperation parameter:
                TraceParameter(parameter.Parameter, trace);
                break;
            case IInvocationOperation invocation:
                TraceInvocation(invocation, trace);
                break;
        }
    }

    /// <summary>
    /// A part of a concatenation or interpolation: followed only when it is text. Anything else is formatted with its
    /// <c>ToString()</c> (<c>"rows: " + rows</c> writes the list's type name, not its items), so it carries no data.
    /// </summary>
    private static void FollowText(IOperation part, ValueTrace trace)
    {
        IOperation text = OperationText.Unwrap(part);
        if (text.Type?.SpecialType == SpecialType.System_String)
        {
            trace.Follow(text);
        }
    }

    /// <summary>
    /// A parameter: data of the incoming Lambda event is bounded by the service that delivered it; in a method summary
    /// the caller follows the argument it passes. Either way, what the body writes into the parameter's members is part
    /// of the value: a Step Functions task that fills its state and hands it back (<c>state.Lines = await
    /// ….ToListAsync(); return state;</c>) returns that data. A request handed back as it came stays at its type's level
    /// (a configured response limit may be smaller than the request's).
    /// </summary>
    private void TraceParameter(IParameterSymbol parameter, ValueTrace trace)
    {
        if (IsLambdaEvent(parameter.Type))
        {
            trace.Found(EvidenceKind.EventData, parameter.Type.Name);
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, Owner))
        {
            trace.Findings.AddParameterFlow(parameter.Ordinal, trace.Path);
        }

        foreach (ISimpleAssignmentOperation write in Locals.MemberWrites(parameter))
        {
            if (write.Target is IMemberReferenceOperation member)
            {
                trace.Follow(write.Value, trace.Path.Member(parameter.Type.Name, member.Member.Name));
            }
        }
    }

    /// <summary>
    /// Only reached for properties whose type can grow: a property an API family gives a meaning (an SDK paginator's
    /// items) is asked of the property recognizers; a getter with a body of the compilation (<c>All =&gt;
    /// _db.Orders.ToList()</c>, <c>get { … }</c>) is a call, answered by its summary; the instance is followed as well,
    /// since what it was built from (<c>page.Items</c>, <c>report.Rows</c>) may be the evidence.
    /// </summary>
    private void TraceProperty(IPropertyReferenceOperation property, ValueTrace trace)
    {
        foreach (IPropertyRecognizer recognizer in SizeEngine.PropertyRecognizers)
        {
            if (recognizer.RecognizeProperty(property, trace))
            {
                return;
            }
        }

        if (property.Property.GetMethod is { } getter)
        {
            _ = Engine.Summaries.Apply(getter, Engine.Summaries.ReceiverType(property.Instance), ImmutableArray<IArgumentOperation>.Empty, trace);
        }

        if (property.Instance is { } instance)
        {
            trace.Follow(instance);
        }
    }

    /// <summary>
    /// <c>return await load();</c>: the lambdas written to the delegate are followed as a call named after it
    /// (<c>load()</c>), its method groups through their summaries.
    /// </summary>
    private void TraceDelegateCall(IInvocationOperation invocation, IOperation receiver, ValueTrace trace)
    {
        string name = OperationText.UnwrapAll(receiver) switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => string.Empty,
        };

        foreach ((IDelegateCreationOperation creation, IOperation? root) in DelegateTargets.Of(receiver, Locals, Engine.Summaries))
        {
            switch (creation.Target)
            {
                case IAnonymousFunctionOperation lambda:
                    EvidencePath path = trace.Path.Call(name + "()");
                    PayloadFlowAnalysis flow = root is null ? this : new PayloadFlowAnalysis(root, Engine, Owner, Calls);
                    foreach (IOperation value in ReturnedValues(lambda.Body))
                    {
                        flow.Trace(value, new ValueTrace(flow, path, trace.Findings, root is null ? trace.Visiting : new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), trace.Depth + 1));
                    }

                    break;
                case IMethodReferenceOperation group:
                    // ReadExport = File.ReadAllText: a framework method held in the delegate means what calling it means;
                    // Serialize = JsonConvert.SerializeObject (static, no receiver) means it for the delegate call's own
                    // arguments; the project's own methods (and libraries built with PayloadGen) are answered by their summaries.
                    ValueTrace called = trace.At(trace.Path.Call(name + "()"));
                    if (!RecognizeGroup(group.Method, called)
                        && !(group.Instance is null && RecognizeStaticGroup(group.Method, invocation.Arguments, called)))
                    {
                        _ = Engine.Summaries.Apply(group.Method, Engine.Summaries.ReceiverType(group.Instance), invocation.Arguments, trace);
                    }

                    break;
            }
        }
    }

    /// <summary>Asks the recognizers that know a call by its method alone; true when one of them claims it.</summary>
    private static bool RecognizeGroup(IMethodSymbol method, ValueTrace trace)
    {
        foreach (IMethodGroupRecognizer recognizer in SizeEngine.MethodGroupRecognizers)
        {
            if (recognizer.RecognizeGroup(method, trace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Asks the recognizers that know a call by its method and arguments, for a static method group held in a delegate.</summary>
    private static bool RecognizeStaticGroup(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ValueTrace trace)
    {
        foreach (IStaticGroupRecognizer recognizer in SizeEngine.StaticGroupRecognizers)
        {
            if (recognizer.RecognizeStaticGroup(method, arguments, trace))
            {
                return true;
            }
        }

        return false;
    }

    private void TraceInvocation(IInvocationOperation invocation, ValueTrace trace)
    {
        if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is { } receiver)
        {
            TraceDelegateCall(invocation, receiver, trace);
            return;
        }

        foreach (IInvocationRecognizer recognizer in SizeEngine.Recognizers)
        {
            if (recognizer.Recognize(invocation, trace))
            {
                return;
            }
        }

        Engine.Summaries.Apply(invocation, trace);
    }

    private void TraceCreation(IObjectCreationOperation creation, ValueTrace trace)
    {
        ITypeSymbol? type = creation.Type;
        if (type?.SpecialType == SpecialType.System_String
            && creation.Arguments.Length == 2
            && creation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count }
            && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: char repeated })
        {
            trace.Findings.AddConstant(2 + ((long)count * JsonEscaping.EscapedLength(repeated)), new Evidence(EvidenceKind.RepeatedText, trace.Path, OperationText.Count(count)));
            return;
        }

        string typeName = type?.Name ?? string.Empty;
        bool isHttpProxyResponse = Engine.Symbols.IsHttpProxyResponse(type);
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            trace.Follow(argument.Value, trace.Path.Type(typeName));
        }

        if (creation.Initializer is null)
        {
            return;
        }

        foreach (IOperation initializer in creation.Initializer.Initializers)
        {
            switch (initializer)
            {
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment:
                    if (isHttpProxyResponse && member.Member.Name != "Body")
                    {
                        continue;
                    }

                    trace.Follow(assignment.Value, trace.Path.Member(typeName, member.Member.Name));
                    break;
                case IInvocationOperation add:
                    foreach (IArgumentOperation argument in add.Arguments)
                    {
                        trace.Follow(argument.Value);
                    }

                    break;
                case IMemberInitializerOperation nested:
                    EvidencePath nestedPath = trace.Path.Member(typeName, nested.InitializedMember is IMemberReferenceOperation m ? m.Member.Name : string.Empty);
                    foreach (IOperation child in nested.Initializer.Initializers)
                    {
                        if (child is ISimpleAssignmentOperation nestedAssignment)
                        {
                            trace.Follow(nestedAssignment.Value, nestedPath);
                        }
                        else if (child is IInvocationOperation nestedAdd)
                        {
                            foreach (IArgumentOperation argument in nestedAdd.Arguments)
                            {
                                trace.Follow(argument.Value, nestedPath);
                            }
                        }
                    }

                    break;
            }
        }
    }

    private void TraceLocal(ILocalSymbol local, ValueTrace trace)
    {
        if (!trace.Visiting.Add(local))
        {
            return;
        }

        FlowFindings findings = trace.Findings;
        int boundedBefore = findings.Bounded.Count;
        foreach (IOperation write in Locals.Writes(local))
        {
            trace.Follow(write);
        }

        // A foreach variable is one item of its collection: the collection's bounds (an event's records) carry over,
        // its growth does not — one row of an unbounded query is still one row.
        foreach (IOperation collection in Locals.IteratedCollections(local))
        {
            foreach (Evidence bound in trace.FollowApart(collection).Bounded)
            {
                trace.Found(EvidenceKind.ItemOfBound, string.Empty, cause: bound);
            }
        }

        // A fixed initial list says nothing once the body keeps adding to it.
        IReadOnlyList<IInvocationOperation> mutations = Locals.Mutations(local);
        if (mutations.Count > 0)
        {
            findings.ForgetBoundedSince(boundedBefore);
        }

        foreach (ISimpleAssignmentOperation write in Locals.MemberWrites(local))
        {
            if (write.Target is IMemberReferenceOperation member
                && !(Engine.Symbols.IsHttpProxyResponse(local.Type) && member.Member.Name != "Body"))
            {
                trace.Follow(write.Value, trace.Path.Member(local.Type.Name, member.Member.Name));
            }
        }

        foreach (IInvocationOperation mutation in mutations)
        {
            TraceMutation(local, mutation, trace);
        }

        trace.Visiting.Remove(local);
    }

    private static void TraceMutation(ILocalSymbol local, IInvocationOperation mutation, ValueTrace trace)
    {
        if (LocalFlowIndex.IsStreamCopy(mutation))
        {
            trace.Found(EvidenceKind.StreamCopy, mutation.TargetMethod.Name, local.Name);
            return;
        }

        if (PaginationLoops.TokenAround(mutation) is { } token)
        {
            trace.Found(EvidenceKind.PaginationLoop, token, local.Name);
            return;
        }

        if (ReaderLoops.LineReadAround(mutation, trace.Symbols) is { } lineRead)
        {
            trace.Found(EvidenceKind.LineLoop, lineRead, local.Name);
            return;
        }

        // foreach (var row in <unbounded>) list.Add(…) / csv.AppendLine(…): the accumulation is as large as its source.
        if (PaginationLoops.EnclosingForEach(mutation) is { } loop)
        {
            FlowFindings source = trace.FollowApart(loop.Collection);

            // BuildCsv(List<Entry> entries) { foreach (var e in entries) csv.Append(…) }: the caller's argument decides.
            foreach (int parameter in source.ParameterFlows)
            {
                trace.Findings.AddParameterFlow(parameter, trace.Path.Then(source.PathOf(parameter)));
            }

            if (source.Unbounded.Count > 0)
            {
                trace.Found(EvidenceKind.LoopFill, string.Empty, local.Name, source.Unbounded[0]);
                return;
            }

            foreach (Evidence bound in source.Bounded)
            {
                trace.Found(EvidenceKind.LoopOverBound, string.Empty, cause: bound);
            }

            if (source.Incomplete)
            {
                trace.Findings.MarkIncomplete();
            }
        }

        foreach (IArgumentOperation argument in mutation.Arguments)
        {
            trace.Follow(argument.Value);
        }
    }

    /// <summary>Amazon.Lambda.*Events types (SQSEvent, S3Event, APIGatewayProxyRequest…), which their service bounds.</summary>
    private static bool IsLambdaEvent(ITypeSymbol type)
    {
        INamespaceSymbol? ns = type.ContainingNamespace;
        // The event packages put each service in its own namespace under Amazon.Lambda (Amazon.Lambda.SQSEvents…).
        while (ns is { ContainingNamespace: { IsGlobalNamespace: false } parent } && !(parent.Name == "Lambda" && parent.ContainingNamespace is { Name: "Amazon", ContainingNamespace.IsGlobalNamespace: true }))
        {
            ns = parent;
        }

        return ns is { ContainingNamespace: { Name: "Lambda", ContainingNamespace: { Name: "Amazon", ContainingNamespace.IsGlobalNamespace: true } } }
            && ns.Name.EndsWith("Events", System.StringComparison.Ordinal);
    }
}

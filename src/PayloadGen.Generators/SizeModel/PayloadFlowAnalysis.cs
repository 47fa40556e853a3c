using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Follows a value back through one method body to the evidence DESIGN §6 counts: whole files and streams read
/// into memory, LINQ/EF queries materialized with no Take, DynamoDB scans drained with GetRemainingAsync or a
/// pagination loop, large constant text; and to what bounds it (Take(n), a single DynamoDB page). It follows
/// locals, object and collection initializers, awaits, conversions, LINQ operators, JsonSerializer and base64
/// conversions — and nothing else, so unknown calls never produce a finding (precision first).
/// </summary>
internal sealed class PayloadFlowAnalysis
{
    private const int MaxDepth = 12;

    private static readonly HashSet<string> PaginationTokens = new(StringComparer.Ordinal)
    {
        "LastEvaluatedKey", "ExclusiveStartKey", "NextToken", "ContinuationToken", "NextContinuationToken",
        "PaginationToken", "NextPageToken", "NextMarker", "IsDone", "Paginators",
    };

    private static readonly HashSet<string> BoundingOperators = new(StringComparer.Ordinal)
    {
        "Take", "TakeLast", "First", "FirstOrDefault", "FirstAsync", "FirstOrDefaultAsync", "Single", "SingleOrDefault",
        "SingleAsync", "SingleOrDefaultAsync", "Last", "LastOrDefault", "LastAsync", "LastOrDefaultAsync", "ElementAt",
        "ElementAtOrDefault", "Find", "FindAsync",
    };

    private static readonly HashSet<string> CollectionMutators = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Append", "AppendLine", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "Write", "WriteAsync", "UnionWith",
    };

    private readonly IOperation _root;
    private readonly JsonSizeModel _sizes;
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _writes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<IInvocationOperation>> _mutations = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>> _memberWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _iterated = new(SymbolEqualityComparer.Default);
    private bool _indexed;

    public PayloadFlowAnalysis(IOperation root, JsonSizeModel sizes)
    {
        _root = root;
        _sizes = sizes;
    }

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
        Trace(value, string.Empty, findings, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);

    private void Trace(IOperation? operation, string path, FlowFindings findings, HashSet<ILocalSymbol> visiting, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            findings.AddConstant(2 + JsonEscaping.EscapedLength(constant), At(path, "a constant string of " + Count(constant.Length) + " characters"));
            return;
        }

        // Values whose type cannot grow (counts, flags, small structs) carry no size from their sources.
        if (operation.Type is { } type && type.TypeKind != TypeKind.Error && _sizes.Estimate(type).Range.IsBounded)
        {
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Trace(conversion.Operand, path, findings, visiting, depth + 1);
                break;
            case IAwaitOperation awaited:
                Trace(awaited.Operation, path, findings, visiting, depth + 1);
                break;
            case ILocalReferenceOperation local:
                TraceLocal(local.Local, path, findings, visiting, depth);
                break;
            case IConditionalOperation conditional:
                Trace(conditional.WhenTrue, path, findings, visiting, depth + 1);
                Trace(conditional.WhenFalse, path, findings, visiting, depth + 1);
                break;
            case ICoalesceOperation coalesce:
                Trace(coalesce.Value, path, findings, visiting, depth + 1);
                Trace(coalesce.WhenNull, path, findings, visiting, depth + 1);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                {
                    Trace(arm.Value, path, findings, visiting, depth + 1);
                }

                break;
            case IObjectCreationOperation creation:
                TraceCreation(creation, path, findings, visiting, depth);
                break;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (IOperation initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment)
                    {
                        Trace(assignment.Value, Member(path, "<anonymous>", assignment.Target), findings, visiting, depth + 1);
                    }
                }

                break;
            case IArrayCreationOperation array when array.Initializer is { } arrayInitializer:
                findings.AddBounded(At(path, "a fixed list of " + Count(arrayInitializer.ElementValues.Length) + " items"));
                foreach (IOperation element in arrayInitializer.ElementValues)
                {
                    Trace(element, path, findings, visiting, depth + 1);
                }

                break;
            case ICollectionExpressionOperation collection:
                bool spreads = false;
                foreach (IOperation element in collection.Elements)
                {
                    spreads |= element is ISpreadOperation;
                    Trace(element is ISpreadOperation spread ? spread.Operand : element, path, findings, visiting, depth + 1);
                }

                if (!spreads)
                {
                    findings.AddBounded(At(path, "a fixed list of " + Count(collection.Elements.Length) + " items"));
                }

                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                // One element of a list (matches[0], item["attr"]) is one item, not the list.
                break;
            case IPropertyReferenceOperation property when property.Instance is { } instance:
                // Only reached for properties whose type can grow, e.g. page.Items or report.Rows.
                Trace(instance, path, findings, visiting, depth + 1);
                break;
            case IParameterReferenceOperation parameter when IsLambdaEvent(parameter.Parameter.Type):
                // Data taken from the incoming event is bounded by the limit of the service that delivered it.
                findings.AddBounded(At(path, "part of the incoming " + parameter.Parameter.Type.Name));
                break;
            case IInvocationOperation invocation:
                TraceInvocation(invocation, path, findings, visiting, depth);
                break;
        }
    }

    private void TraceCreation(IObjectCreationOperation creation, string path, FlowFindings findings, HashSet<ILocalSymbol> visiting, int depth)
    {
        ITypeSymbol? type = creation.Type;
        if (type?.SpecialType == SpecialType.System_String
            && creation.Arguments.Length == 2
            && creation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count }
            && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: char repeated })
        {
            findings.AddConstant(2 + ((long)count * JsonEscaping.EscapedLength(repeated)), At(path, "a string of " + Count(count) + " characters"));
            return;
        }

        string typeName = type?.Name ?? string.Empty;
        bool isHttpProxyResponse = IsHttpProxyResponse(type);
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            Trace(argument.Value, path.Length == 0 ? typeName : path, findings, visiting, depth + 1);
        }

        if (creation.Initializer is null)
        {
            return;
        }

        foreach (IOperation initializer in creation.Initializer.Initializers)
        {
            switch (initializer)
            {
                case ISimpleAssignmentOperation assignment:
                    if (isHttpProxyResponse && !IsMember(assignment.Target, "Body"))
                    {
                        continue;
                    }

                    Trace(assignment.Value, Member(path, typeName, assignment.Target), findings, visiting, depth + 1);
                    break;
                case IInvocationOperation add:
                    foreach (IArgumentOperation argument in add.Arguments)
                    {
                        Trace(argument.Value, path, findings, visiting, depth + 1);
                    }

                    break;
                case IMemberInitializerOperation nested:
                    TraceInitializer(nested.Initializer, Member(path, typeName, nested.InitializedMember), findings, visiting, depth + 1);
                    break;
            }
        }
    }

    private void TraceInitializer(IObjectOrCollectionInitializerOperation initializer, string path, FlowFindings findings, HashSet<ILocalSymbol> visiting, int depth)
    {
        foreach (IOperation child in initializer.Initializers)
        {
            if (child is ISimpleAssignmentOperation assignment)
            {
                Trace(assignment.Value, path, findings, visiting, depth + 1);
            }
            else if (child is IInvocationOperation add)
            {
                foreach (IArgumentOperation argument in add.Arguments)
                {
                    Trace(argument.Value, path, findings, visiting, depth + 1);
                }
            }
        }
    }

    private void TraceInvocation(IInvocationOperation invocation, string path, FlowFindings findings, HashSet<ILocalSymbol> visiting, int depth)
    {
        IMethodSymbol method = invocation.TargetMethod;
        string name = method.Name;
        string containing = method.ContainingType?.Name ?? string.Empty;
        string ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;

        if (ns == "System.IO" && containing == "File")
        {
            if (name.StartsWith("ReadAll", StringComparison.Ordinal) || name.StartsWith("ReadLines", StringComparison.Ordinal) || name.StartsWith("Open", StringComparison.Ordinal))
            {
                findings.AddUnbounded(At(path, "File." + name + " reads a whole file"));
            }

            return;
        }

        if (name.StartsWith("ReadToEnd", StringComparison.Ordinal) && ns == "System.IO")
        {
            findings.AddUnbounded(At(path, name + " reads a whole stream"));
            return;
        }

        if (ns.StartsWith("Amazon.DynamoDBv2", StringComparison.Ordinal))
        {
            if (name == "GetRemainingAsync" || name == "GetRemaining")
            {
                findings.AddUnbounded(At(path, name + " drains every page of the DynamoDB " + SearchKind(invocation)));
            }
            else if (name is "ScanAsync" or "QueryAsync" or "Scan" or "Query" or "GetNextSetAsync" or "GetNextSet")
            {
                findings.AddBounded(At(path, "one DynamoDB page (at most 1 MB)"));
            }
            else if (name is "GetItemAsync" or "GetItem" or "LoadAsync" or "Load")
            {
                findings.AddBounded(At(path, "one DynamoDB item (at most 400 KB)"));
            }

            return;
        }

        if (ns == "System.Linq" && containing == "Enumerable" && name is "Range" or "Repeat"
            && invocation.Arguments.Length == 2
            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count })
        {
            // Enumerable.Range(1, 5).Select(...): the project templates' sample data.
            findings.AddBounded(At(path, "Enumerable." + name + " of " + Count(count) + " items"));
            return;
        }

        if (ns == "Amazon.S3" && name.StartsWith("ListObjects", StringComparison.Ordinal))
        {
            findings.AddBounded(At(path, "one S3 listing page (at most 1,000 keys)"));
            return;
        }

        if (ns == "System.Text" && containing == "StringBuilder" && name == "ToString" && invocation.Instance is { } builder)
        {
            Trace(builder, path, findings, visiting, depth + 1);
            return;
        }

        if ((ns == "Microsoft.AspNetCore.Http" && containing is "Results" or "TypedResults")
            || (ns == "Microsoft.AspNetCore.Mvc" && containing is "ControllerBase" or "Controller"))
        {
            // Results.Ok(value), Results.Json(data), Results.Text(content), Results.File(bytes), a controller's Ok(value),
            // File(bytes), Content(text)…; a Stream result is written as it is read, and a redirect carries no data.
            if (name is "Stream" or "Redirect" or "LocalRedirect" or "NotFound" or "NoContent" or "StatusCode")
            {
                return;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is not ("value" or "data" or "content" or "fileContents" or "contents" or "utf8Content"))
                {
                    continue;
                }

                IOperation body = Unwrap(argument.Value);
                if (body.Type is { SpecialType: not SpecialType.System_String } bodyType && argument.Parameter.Name is "value" or "data")
                {
                    findings.AddSerializedType(bodyType);
                }

                Trace(body, path, findings, visiting, depth + 1);
            }

            return;
        }

        if (ns == "System.Text.Json" && containing == "JsonSerializer" && name.StartsWith("Serialize", StringComparison.Ordinal) && invocation.Arguments.Length > 0)
        {
            IOperation serialized = Unwrap(invocation.Arguments[0].Value);
            ITypeSymbol? serializedType = method.IsGenericMethod ? method.TypeArguments[0] : serialized.Type;
            if (serializedType is not null)
            {
                findings.AddSerializedType(serializedType);
            }

            Trace(serialized, path, findings, visiting, depth + 1);
            return;
        }

        if ((ns == "System" && containing == "Convert" && name.StartsWith("ToBase64", StringComparison.Ordinal))
            || (ns == "System.Text" && (name == "GetString" || name == "GetBytes"))
            || (ns == "System.Threading.Tasks" && name == "FromResult"))
        {
            if (invocation.Arguments.Length > 0)
            {
                Trace(invocation.Arguments[0].Value, path, findings, visiting, depth + 1);
            }

            return;
        }

        if (ns == "Amazon.Lambda.Annotations.APIGateway" && containing == "HttpResults")
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                IOperation body = Unwrap(argument.Value);
                if (body.Type is { SpecialType: not SpecialType.System_String } bodyType && argument.Parameter?.Name == "body")
                {
                    findings.AddSerializedType(bodyType);
                }

                Trace(body, path, findings, visiting, depth + 1);
            }

            return;
        }

        if (ns == "System.IO" && (name == "ToArray" || name == "GetBuffer") && invocation.Instance is { } stream)
        {
            Trace(stream, path, findings, visiting, depth + 1);
            return;
        }

        if (IsSequenceOperator(invocation, out IOperation? source))
        {
            // Walk down the operator chain to its origin; any bounding operator on the way bounds the result.
            IInvocationOperation current = invocation;
            IOperation origin = Unwrap(source!);
            while (true)
            {
                string operatorName = current.TargetMethod.Name;
                if (BoundingOperators.Contains(operatorName))
                {
                    findings.AddBounded(At(path, operatorName + (operatorName == "Take" && current.Arguments.Length > 1 ? "(" + Describe(current.Arguments[1].Value) + ")" : "()")));
                    return;
                }

                if (operatorName == "Where" && KeyLookup(current) is { } key)
                {
                    findings.AddBounded(At(path, "Where on the key " + key));
                    return;
                }

                if (operatorName == "GroupBy" && SmallGroupKey(current) is { } groups)
                {
                    findings.AddBounded(At(path, "GroupBy over " + groups));
                    return;
                }

                if (origin is IInvocationOperation next && IsSequenceOperator(next, out IOperation? nextSource))
                {
                    current = next;
                    origin = Unwrap(nextSource!);
                    continue;
                }

                break;
            }

            if (origin.Type is { } originType && IsQueryable(originType))
            {
                findings.AddUnbounded(At(path, name.StartsWith("To", StringComparison.Ordinal)
                    ? name + "() materializes a query over '" + Snippet(origin) + "' with no Take"
                    : "a query over '" + Snippet(origin) + "' with no Take is serialized whole"));
                return;
            }

            Trace(origin, path, findings, visiting, depth + 1);
        }
    }

    private void TraceLocal(ILocalSymbol local, string path, FlowFindings findings, HashSet<ILocalSymbol> visiting, int depth)
    {
        if (!visiting.Add(local))
        {
            return;
        }

        EnsureIndexed();
        int boundedBefore = findings.Bounded.Count;
        if (_writes.TryGetValue(local, out List<IOperation>? writes))
        {
            foreach (IOperation write in writes)
            {
                Trace(write, path, findings, visiting, depth + 1);
            }
        }

        // A foreach variable is one item of its collection: the collection's bounds (an event's records) carry over,
        // its growth does not — one row of an unbounded query is still one row.
        if (_iterated.TryGetValue(local, out List<IOperation>? collections))
        {
            foreach (IOperation collection in collections)
            {
                var source = new FlowFindings();
                Trace(collection, string.Empty, source, visiting, depth + 1);
                foreach (string bound in source.Bounded)
                {
                    findings.AddBounded(At(path, "an item of " + bound));
                }
            }
        }

        // A fixed initial list says nothing once the body keeps adding to it.
        if (_mutations.ContainsKey(local))
        {
            findings.ForgetBoundedSince(boundedBefore);
        }

        if (_memberWrites.TryGetValue(local, out List<ISimpleAssignmentOperation>? memberWrites))
        {
            foreach (ISimpleAssignmentOperation write in memberWrites)
            {
                Trace(write.Value, Member(path, local.Type.Name, write.Target), findings, visiting, depth + 1);
            }
        }

        if (_mutations.TryGetValue(local, out List<IInvocationOperation>? mutations))
        {
            foreach (IInvocationOperation mutation in mutations)
            {
                string name = mutation.TargetMethod.Name;
                if (name.StartsWith("CopyTo", StringComparison.Ordinal))
                {
                    findings.AddUnbounded(At(path, name + " copies a whole stream into '" + local.Name + "'"));
                    continue;
                }

                if (PaginationLoopToken(mutation) is { } token)
                {
                    findings.AddUnbounded(At(path, "a pagination loop (" + token + ") adds every page to '" + local.Name + "'"));
                    continue;
                }

                // foreach (var row in <unbounded>) list.Add(…) / csv.AppendLine(…): the accumulation is as large as its source.
                if (EnclosingForEach(mutation) is { } loop)
                {
                    var source = new FlowFindings();
                    Trace(loop.Collection, string.Empty, source, visiting, depth + 1);
                    if (source.Unbounded.Count > 0)
                    {
                        findings.AddUnbounded(At(path, "a loop fills '" + local.Name + "' item by item (" + source.Unbounded[0] + ")"));
                        continue;
                    }

                    foreach (string bound in source.Bounded)
                    {
                        findings.AddBounded(At(path, "a loop over " + bound));
                    }
                }

                foreach (IArgumentOperation argument in mutation.Arguments)
                {
                    Trace(argument.Value, path, findings, visiting, depth + 1);
                }
            }
        }

        visiting.Remove(local);
    }

    /// <summary>Records every write to a local and every call that fills it, once per body.</summary>
    private void EnsureIndexed()
    {
        if (_indexed)
        {
            return;
        }

        _indexed = true;
        var pending = new Stack<IOperation>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator:
                    Add(_writes, declarator.Symbol, initial);
                    break;
                case IIsPatternOperation { Pattern: IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } } isPattern:
                    Add(_writes, declared, isPattern.Value);
                    break;
                case IIsPatternOperation { Pattern: IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol declared } } isPattern:
                    Add(_writes, declared, isPattern.Value);
                    break;
                case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop:
                    Add(_iterated, variable.Symbol, loop.Collection);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(_writes, target.Local, assignment.Value);
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } } memberAssignment:
                    Add(_memberWrites, owner.Local, memberAssignment);
                    break;
                case IInvocationOperation invocation:
                    if (invocation.Instance is ILocalReferenceOperation receiver && CollectionMutators.Contains(invocation.TargetMethod.Name))
                    {
                        Add(_mutations, receiver.Local, invocation);
                    }
                    else if (invocation.Instance is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation grouped }
                        && CollectionMutators.Contains(invocation.TargetMethod.Name))
                    {
                        // byDepot[vehicle.Depot].Add(vehicle): filling a dictionary of lists fills the dictionary.
                        Add(_mutations, grouped.Local, invocation);
                    }
                    else if (invocation.TargetMethod.Name.StartsWith("CopyTo", StringComparison.Ordinal)
                        && invocation.Arguments.Length > 0
                        && Unwrap(invocation.Arguments[0].Value) is ILocalReferenceOperation destination)
                    {
                        Add(_mutations, destination.Local, invocation);
                    }

                    break;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The innermost foreach loop around <paramref name="operation"/> within the traced body.</summary>
    private static IForEachLoopOperation? EnclosingForEach(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop)
            {
                return loop;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// For <c>Where(x =&gt; x.Id == id)</c> (alone or joined by <c>&amp;&amp;</c>) on the element's key — a property with
    /// <c>[Key]</c>, or named <c>Id</c> or <c>{Type}Id</c> as EF Core's conventions have it — the key's name: such a query
    /// returns at most one row. Foreign keys (<c>x.CustomerId == id</c> on an Order) are not keys.
    /// </summary>
    private static string? KeyLookup(IInvocationOperation where)
    {
        if (LambdaArgument(where) is not { } lambda || lambda.Symbol.Parameters.Length != 1)
        {
            return null;
        }

        IParameterSymbol element = lambda.Symbol.Parameters[0];
        return ReturnedExpression(lambda) is { } condition ? KeyEquality(condition, element) : null;
    }

    private static string? KeyEquality(IOperation condition, IParameterSymbol element)
    {
        condition = UnwrapAll(condition);
        if (condition is not IBinaryOperation binary)
        {
            return null;
        }

        if (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd)
        {
            return KeyEquality(binary.LeftOperand, element) ?? KeyEquality(binary.RightOperand, element);
        }

        if (binary.OperatorKind != BinaryOperatorKind.Equals)
        {
            return null;
        }

        foreach (IOperation side in new[] { binary.LeftOperand, binary.RightOperand })
        {
            if (UnwrapAll(side) is IPropertyReferenceOperation { Instance: IParameterReferenceOperation owner, Property: { } property }
                && SymbolEqualityComparer.Default.Equals(owner.Parameter, element)
                && IsKeyProperty(property))
            {
                return property.ContainingType.Name + "." + property.Name;
            }
        }

        return null;
    }

    private static bool IsKeyProperty(IPropertySymbol property)
    {
        foreach (AttributeData attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "KeyAttribute" })
            {
                return true;
            }
        }

        return property.Name == "Id" || property.Name == property.ContainingType.Name + "Id";
    }

    /// <summary>For <c>GroupBy(x =&gt; x.Status)</c> with an enum or bool key, a description of the few groups it can make.</summary>
    private static string? SmallGroupKey(IInvocationOperation groupBy)
    {
        if (LambdaArgument(groupBy) is not { } lambda || ReturnedExpression(lambda)?.Type is not { } keyType)
        {
            return null;
        }

        if (keyType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            keyType = nullable.TypeArguments[0];
        }

        if (keyType.SpecialType == SpecialType.System_Boolean)
        {
            return "a bool (2 groups)";
        }

        if (keyType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            int members = 0;
            foreach (ISymbol member in enumType.GetMembers())
            {
                members += member is IFieldSymbol { IsConst: true } ? 1 : 0;
            }

            return "the enum " + enumType.Name + " (" + Count(members) + " groups)";
        }

        return null;
    }

    /// <summary>The first lambda argument of a LINQ operator (the predicate or selector), for Enumerable and Queryable alike.</summary>
    private static IAnonymousFunctionOperation? LambdaArgument(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            IOperation value = UnwrapAll(argument.Value);
            if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                return lambda;
            }

            if (value is IAnonymousFunctionOperation direct)
            {
                return direct;
            }
        }

        return null;
    }

    private static IOperation? ReturnedExpression(IAnonymousFunctionOperation lambda)
    {
        foreach (IOperation statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: { } value })
            {
                return value;
            }
        }

        return null;
    }

    private static IOperation UnwrapAll(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Amazon.Lambda.*Events types (SQSEvent, S3Event, APIGatewayProxyRequest…), which their service bounds.</summary>
    private static bool IsLambdaEvent(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() is { } ns
        && ns.StartsWith("Amazon.Lambda.", StringComparison.Ordinal)
        && ns.IndexOf("Events", StringComparison.Ordinal) > 0;

    /// <summary>The pagination member a loop around <paramref name="operation"/> mentions, if any.</summary>
    private static string? PaginationLoopToken(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not ILoopOperation loop)
            {
                continue;
            }

            foreach (SyntaxNode node in loop.Syntax.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && PaginationTokens.Contains(identifier.Identifier.ValueText))
                {
                    return identifier.Identifier.ValueText;
                }
            }
        }

        return null;
    }

    /// <summary>True for LINQ-style operators: extension methods over a sequence, whose source is returned in <paramref name="source"/>.</summary>
    private static bool IsSequenceOperator(IOperation operation, out IOperation? source)
    {
        source = null;
        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            source = invocation.Arguments[0].Value;
        }
        else if (method.ReducedFrom is not null && invocation.Instance is not null)
        {
            source = invocation.Instance;
        }

        return source?.Type is { } type && IsSequence(type);
    }

    private static bool IsSequence(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return true;
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQueryable(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "IQueryable", ContainingNamespace.Name: "Linq" })
        {
            return true;
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (candidate is { Name: "IQueryable", ContainingNamespace.Name: "Linq" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>API Gateway and ALB proxy responses: the payload is their text <c>Body</c>.</summary>
    internal static bool IsHttpProxyResponse(ITypeSymbol? type) =>
        type is { Name: "APIGatewayProxyResponse" or "APIGatewayHttpApiV2ProxyResponse" or "ApplicationLoadBalancerResponse" }
        && type.ContainingNamespace?.ToDisplayString() is "Amazon.Lambda.APIGatewayEvents" or "Amazon.Lambda.ApplicationLoadBalancerEvents";

    private static string SearchKind(IInvocationOperation invocation)
    {
        for (IOperation? current = invocation.Instance; current is not null;)
        {
            if (current is IInvocationOperation inner)
            {
                return inner.TargetMethod.Name.StartsWith("Query", StringComparison.Ordinal) ? "query" : "scan";
            }

            current = current is IConversionOperation conversion ? conversion.Operand : null;
        }

        return "search";
    }

    private static bool IsMember(IOperation target, string name) =>
        target is IMemberReferenceOperation member && member.Member.Name == name;

    private static string Member(string path, string typeName, IOperation target) =>
        target is IMemberReferenceOperation member ? (path.Length == 0 ? typeName : path) + "." + member.Member.Name : path;

    private static string Member(string path, string typeName, ISymbol member) =>
        (path.Length == 0 ? typeName : path) + "." + member.Name;

    private static string At(string path, string evidence) => path.Length == 0 ? evidence : path + " \u2190 " + evidence;

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static string Describe(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: { } value } ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "n" : Snippet(operation);

    /// <summary>The operation's source on one line, shortened for a message.</summary>
    private static string Snippet(IOperation operation)
    {
        const int MaxLength = 60;
        var text = new System.Text.StringBuilder();
        bool space = false;
        foreach (char c in operation.Syntax.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
            if (text.Length >= MaxLength)
            {
                return text.Append('\u2026').ToString();
            }
        }

        return text.ToString();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static void Add<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local, T value)
    {
        if (!map.TryGetValue(local, out List<T>? list))
        {
            list = new List<T>();
            map[local] = list;
        }

        list.Add(value);
    }
}

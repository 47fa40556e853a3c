using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Every write to a local in one body, built in one walk on first use: assignments and initializers (in any branch,
/// <c>try</c> or <c>if</c>: a value assigned there and returned later is followed), pattern variables, foreach
/// variables, member assignments (<c>response.Body = …</c>) and the calls that fill a local (<c>Add</c>, <c>Append</c>,
/// <c>CopyTo</c>).
/// </summary>
internal sealed class LocalFlowIndex
{
    private static readonly HashSet<string> CollectionMutators = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Append", "AppendLine", "AppendJoin", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "Write", "WriteAsync", "WriteLine", "WriteLineAsync", "UnionWith",
    };

    private readonly Dictionary<ILocalSymbol, List<IOperation>> _writes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<IInvocationOperation>> _mutations = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>> _memberWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _iterated = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IParameterSymbol, List<ISimpleAssignmentOperation>> _parameterMemberWrites = new(SymbolEqualityComparer.Default);

    public LocalFlowIndex(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            Index(operation);
            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    public IReadOnlyList<IOperation> Writes(ILocalSymbol local) => Get(_writes, local);

    public IReadOnlyList<IInvocationOperation> Mutations(ILocalSymbol local) => Get(_mutations, local);

    public IReadOnlyList<ISimpleAssignmentOperation> MemberWrites(ILocalSymbol local) => Get(_memberWrites, local);

    /// <summary>Assignments to members of a parameter (<c>state.Lines = …</c>): what a method writes into an object it was handed.</summary>
    public IReadOnlyList<ISimpleAssignmentOperation> MemberWrites(IParameterSymbol parameter) =>
        _parameterMemberWrites.TryGetValue(parameter, out List<ISimpleAssignmentOperation>? writes) ? writes : Array.Empty<ISimpleAssignmentOperation>();

    /// <summary>The collections a foreach variable iterates.</summary>
    public IReadOnlyList<IOperation> IteratedCollections(ILocalSymbol local) => Get(_iterated, local);

    /// <summary>True for <c>CopyTo</c>/<c>CopyToAsync</c>: a whole stream copied into the destination.</summary>
    public static bool IsStreamCopy(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name.StartsWith("CopyTo", StringComparison.Ordinal);

    private void Index(IOperation operation)
    {
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
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IParameterReferenceOperation handed } } parameterAssignment:
                if (!_parameterMemberWrites.TryGetValue(handed.Parameter, out List<ISimpleAssignmentOperation>? writes))
                {
                    writes = new List<ISimpleAssignmentOperation>();
                    _parameterMemberWrites[handed.Parameter] = writes;
                }

                writes.Add(parameterAssignment);
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
                else if (IsStreamCopy(invocation)
                    && invocation.Arguments.Length > 0
                    && OperationText.Unwrap(invocation.Arguments[0].Value) is ILocalReferenceOperation destination)
                {
                    Add(_mutations, destination.Local, invocation);
                }

                break;
        }
    }

    private static IReadOnlyList<T> Get<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local) =>
        map.TryGetValue(local, out List<T>? list) ? list : Array.Empty<T>();

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

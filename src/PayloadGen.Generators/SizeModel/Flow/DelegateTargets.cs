using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// What a delegate that is called may hold, when the code says: the lambdas and method groups written to the local
/// (<c>Func&lt;Task&lt;List&lt;Book&gt;&gt;&gt; load = () =&gt; repo.GetAllAsync(); return await load();</c>) or to the
/// field or auto-property (its initializer, or an assignment in a constructor of its type) it is read from. A
/// parameter, a property with a getter body or anything written elsewhere yields nothing: the delegate is not assumed to be anything (precision first).
/// </summary>
internal static class DelegateTargets
{
    /// <summary>The delegate creations written to the local or field that <paramref name="receiver"/> reads, with the roots they sit in.</summary>
    public static List<(IDelegateCreationOperation Creation, IOperation? Root)> Of(IOperation receiver, LocalFlowIndex locals, MethodSummaries summaries)
    {
        var targets = new List<(IDelegateCreationOperation, IOperation?)>();
        switch (OperationText.UnwrapAll(receiver))
        {
            case ILocalReferenceOperation local:
                foreach (IOperation write in locals.Writes(local.Local))
                {
                    Add(targets, write, root: null);
                }

                break;
            case IFieldReferenceOperation { Field: { } field }:
                AddFieldWrites(targets, field, summaries);
                break;
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property }:
                foreach ((IOperation value, IOperation root) in FieldWrites.Of(property, summaries))
                {
                    Add(targets, value, root);
                }

                break;
        }

        return targets;
    }

    private static void AddFieldWrites(List<(IDelegateCreationOperation, IOperation?)> targets, IFieldSymbol field, MethodSummaries summaries)
    {
        foreach ((IOperation value, IOperation root) in FieldWrites.Of(field, summaries))
        {
            Add(targets, value, root);
        }
    }

    private static void Add(List<(IDelegateCreationOperation, IOperation?)> targets, IOperation value, IOperation? root)
    {
        IOperation unwrapped = OperationText.UnwrapAll(value);
        if (unwrapped is IDelegateCreationOperation creation)
        {
            targets.Add((creation, root));
        }
        else if (unwrapped is IConditionalOperation conditional)
        {
            // flag ? () => a : () => b: either may run.
            if (conditional.WhenTrue is { } whenTrue)
            {
                Add(targets, whenTrue, root);
            }

            if (conditional.WhenFalse is { } whenFalse)
            {
                Add(targets, whenFalse, root);
            }
        }
    }
}

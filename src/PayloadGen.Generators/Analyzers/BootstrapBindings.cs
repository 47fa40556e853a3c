using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PayloadGen.Generators.Analyzers;

/// <summary>
/// The handlers an executable binds with <c>LambdaBootstrapBuilder.Create(handler, serializer)</c>, and which of their
/// payloads go through a <c>[ClaimCheckSerializer]</c>: the bound delegate's method (a method group, a local function, a
/// lambda, and the method a lambda returns the result of), through a local or a field that holds the delegate or the
/// serializer. Read once per compilation, only when it references Amazon.Lambda.RuntimeSupport. The bound functions
/// are handlers whatever their parameters: <c>Create&lt;TIn, TOut&gt;(Handler, serializer)</c> with a handler that takes
/// only the request has no <c>ILambdaContext</c> to be found by.
/// </summary>
/// <remarks>
/// The overload says what the serializer carries: a handler parameter typed by the method's type parameter is read by
/// it, a result of type <c>TOutput</c> (or a task of it) is written by it, and a <see cref="System.IO.Stream"/> is passed
/// through untouched (the <c>Create(Func&lt;Stream, ILambdaContext, Task&lt;Stream&gt;&gt;, serializer)</c> overload only
/// exposes the serializer to the handler). A handler bound by several calls is handled only for what every one of them
/// offloads. Handlers are keyed by their declaration's location, so lambdas and local functions bound in one semantic
/// model are found again from the analyzer's own.
/// </remarks>
internal sealed class BootstrapBindings
{
    private const string BuilderMetadataName = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";

    private static readonly BootstrapBindings None = new();

    private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), SerializedPayloads> _handlers = new();

    // What a claim-check serializer would offload in the overloads that bind each handler (every one of them).
    private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), SerializedPayloads> _carriable = new();

    // The functions a call binds itself (not the methods a bound lambda forwards to, whose parameters may be anything).
    private readonly HashSet<(SyntaxTree Tree, TextSpan Span)> _direct = new();

    // Where each handler's bindings pass a serializer that is not a claim-check serializer, for the code fix that swaps it.
    private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), List<ExpressionSyntax>> _otherSerializers = new();

    private BootstrapBindings()
    {
    }

    /// <summary>
    /// Whether <paramref name="symbols"/>' compilation can bind handlers this way (it references
    /// Amazon.Lambda.RuntimeSupport): read whether or not the project names a claim-check serializer, since the calls also
    /// say which functions are handlers (a lambda or local function that takes only the request has no
    /// <c>ILambdaContext</c> to be found by).
    /// </summary>
    public static bool CanBindIn(KnownSymbols symbols) =>
        symbols.Compilation.GetTypeByMetadataName(BuilderMetadataName) is not null
        && symbols.Compilation.GetTypeByMetadataName(Parsing.KnownTypeNames.LambdaSerializer) is not null;

    /// <summary>The bindings of <paramref name="symbols"/>' compilation, made by those of <paramref name="creates"/> that call the builder.</summary>
    /// <param name="creates">The compilation's calls of a method named <c>Create</c> (<see cref="CatalogCallSites"/>).</param>
    public static BootstrapBindings Read(KnownSymbols symbols, IReadOnlyList<InvocationExpressionSyntax> creates, CancellationToken cancellationToken)
    {
        Compilation compilation = symbols.Compilation;
        INamedTypeSymbol? builder = compilation.GetTypeByMetadataName(BuilderMetadataName);
        INamedTypeSymbol? serializerInterface = compilation.GetTypeByMetadataName(Parsing.KnownTypeNames.LambdaSerializer);
        if (builder is null || serializerInterface is null || creates.Count == 0)
        {
            return None;
        }

        var bindings = new BootstrapBindings();
        SemanticModel? model = null;
        foreach (InvocationExpressionSyntax invocation in creates)
        {
            if (model?.SyntaxTree != invocation.SyntaxTree)
            {
                model = SemanticModelOf(compilation, invocation.SyntaxTree);
            }

            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod: { IsStatic: true } create } call
                && SymbolEqualityComparer.Default.Equals(create.ContainingType, builder))
            {
                bindings.Add(call, serializerInterface, symbols, cancellationToken);
            }
        }

        return bindings;
    }

    /// <summary>
    /// What the claim-check serializer offloads for <paramref name="handler"/>, or <see langword="null"/> when no
    /// <c>LambdaBootstrapBuilder.Create</c> call binds it.
    /// </summary>
    public SerializedPayloads? For(IMethodSymbol handler)
        => _handlers.Count > 0 && KeyOf(handler) is { } key && _handlers.TryGetValue(key, out SerializedPayloads payloads) ? payloads : null;

    /// <summary>
    /// Which of <paramref name="handler"/>'s payloads a <c>[ClaimCheckSerializer]</c> would offload if every call binding it
    /// passed one (the overload decides: a <see cref="System.IO.Stream"/> passes through any serializer); none when unbound.
    /// </summary>
    public SerializedPayloads CarriableBySerializer(IMethodSymbol handler)
        => _carriable.Count > 0 && KeyOf(handler) is { } key && _carriable.TryGetValue(key, out SerializedPayloads payloads) ? payloads : SerializedPayloads.None;

    /// <summary>
    /// Whether a <c>LambdaBootstrapBuilder.Create</c> call binds <paramref name="handler"/>, or a lambda it binds forwards
    /// to it, whatever the serializer: its serializer then decides what the handler is told to do.
    /// </summary>
    public bool Binds(IMethodSymbol handler) => For(handler) is not null;

    /// <summary>
    /// Whether a <c>LambdaBootstrapBuilder.Create</c> call binds <paramref name="handler"/> itself (a method group, a local
    /// function, a lambda): it is then a handler whatever its parameters. A method a bound lambda only forwards to is not
    /// (<c>request =&gt; inner.Handle(request.To&lt;Command&gt;())</c>): the lambda is the handler, and its trace goes through the method.
    /// </summary>
    public bool BindsDirectly(IMethodSymbol handler) => _direct.Count > 0 && KeyOf(handler) is { } key && _direct.Contains(key);

    /// <summary>
    /// Whether <paramref name="function"/> (a local function or lambda's syntax) is bound itself: the syntax test of
    /// <see cref="FunctionHandlerCandidates"/> asks it, so a handler without an <c>ILambdaContext</c> is bound too.
    /// </summary>
    public bool BindsFunction(SyntaxNode function) => _direct.Count > 0 && _direct.Contains((function.SyntaxTree, function.Span));

    /// <summary>Whether any <c>LambdaBootstrapBuilder.Create</c> call binds a handler of the compilation.</summary>
    public bool Any => _direct.Count > 0;

    /// <summary>
    /// The expressions that give <paramref name="handler"/>'s bindings a serializer that is not a claim-check serializer:
    /// the <c>new X()</c> in the call, or the initializer of the <c>ILambdaSerializer</c> local or field it passes (so every
    /// call sharing it changes together), else the argument itself. Empty when no binding needs one.
    /// </summary>
    public IReadOnlyList<ExpressionSyntax> OtherSerializersOf(IMethodSymbol handler)
        => _otherSerializers.Count > 0 && KeyOf(handler) is { } key && _otherSerializers.TryGetValue(key, out List<ExpressionSyntax>? expressions)
            ? expressions
            : [];

    private void Add(IInvocationOperation call, INamedTypeSymbol serializerInterface, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        IArgumentOperation? handlerArgument = null;
        IArgumentOperation? serializerArgument = null;
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, serializerInterface))
            {
                serializerArgument = argument;
            }
            else if (parameter.Type.TypeKind == TypeKind.Delegate)
            {
                handlerArgument = argument;
            }
        }

        if (handlerArgument is null)
        {
            return;
        }

        SerializedPayloads carriable = serializerArgument is null ? SerializedPayloads.None : CarriedBySerializer(call.TargetMethod.OriginalDefinition);
        SerializedPayloads offloaded = serializerArgument is not null && IsClaimCheckSerializer(serializerArgument.Value, symbols, cancellationToken)
            ? carriable
            : SerializedPayloads.None;
        ExpressionSyntax? replaceable = serializerArgument is not null && offloaded == SerializedPayloads.None
            ? ReplaceableSerializer(serializerArgument, serializerInterface, symbols.Compilation, cancellationToken)
            : null;
        bool direct = true;
        foreach (IMethodSymbol handler in HandlersOf(handlerArgument.Value, symbols.Compilation, cancellationToken))
        {
            if (KeyOf(handler) is { } key)
            {
                if (replaceable is not null)
                {
                    if (!_otherSerializers.TryGetValue(key, out List<ExpressionSyntax>? expressions))
                    {
                        _otherSerializers[key] = expressions = new List<ExpressionSyntax>();
                    }

                    if (!expressions.Contains(replaceable))
                    {
                        expressions.Add(replaceable);
                    }
                }

                // The first method is the bound one; a second is the method a bound lambda forwards to.
                if (direct)
                {
                    _direct.Add(key);
                }

                // Every binding must offload a payload for it to count as handled.
                _handlers[key] = _handlers.TryGetValue(key, out SerializedPayloads earlier) ? earlier & offloaded : offloaded;
                _carriable[key] = _carriable.TryGetValue(key, out SerializedPayloads couldBefore) ? couldBefore & carriable : carriable;
            }

            direct = false;
        }
    }

    /// <summary>Which payloads the serializer (de)serializes in the overload <paramref name="create"/> (its definition).</summary>
    private static SerializedPayloads CarriedBySerializer(IMethodSymbol create)
    {
        foreach (IParameterSymbol parameter in create.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke })
            {
                SerializedPayloads carried = SerializedPayloads.None;
                if (invoke.Parameters.Length > 0 && IsMethodTypeParameter(invoke.Parameters[0].Type))
                {
                    carried |= SerializedPayloads.Request;
                }

                ITypeSymbol result = invoke.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments: [ITypeSymbol awaited] } ? awaited : invoke.ReturnType;
                if (IsMethodTypeParameter(result))
                {
                    carried |= SerializedPayloads.Response;
                }

                return carried;
            }
        }

        return SerializedPayloads.None;
    }

    private static bool IsMethodTypeParameter(ITypeSymbol type) => type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method };

    /// <summary>Whether the serializer argument is, or holds, an instance of a <c>[ClaimCheckSerializer]</c> class.</summary>
    private static bool IsClaimCheckSerializer(IOperation value, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        IOperation? current = value;
        // new X(), a local or field declared as X, or one declared as ILambdaSerializer whose initializer is new X().
        for (int hops = 0; current is not null && hops < 4; hops++)
        {
            current = WithoutConversions(current);
            if (current is IObjectCreationOperation { Type: { } created })
            {
                return symbols.IsClaimCheckSerializer(created);
            }

            ISymbol? holder = current switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            ITypeSymbol? declared = holder switch
            {
                ILocalSymbol local => local.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => current.Type,
            };
            if (declared is not null && symbols.IsClaimCheckSerializer(declared))
            {
                return true;
            }

            current = holder is null ? null : InitializerOf(holder, symbols.Compilation, cancellationToken);
        }

        return false;
    }

    /// <summary>See <see cref="OtherSerializersOf"/>.</summary>
    private static ExpressionSyntax? ReplaceableSerializer(IArgumentOperation argument, INamedTypeSymbol serializerInterface, Compilation compilation, CancellationToken cancellationToken)
    {
        IOperation value = WithoutConversions(argument.Value);
        ISymbol? holder = value switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        ITypeSymbol? declared = holder switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        // A holder declared as the interface can take any serializer; one declared as the concrete class cannot.
        if (holder is not null
            && SymbolEqualityComparer.Default.Equals(declared, serializerInterface)
            && InitializerOf(holder, compilation, cancellationToken) is { } initializer
            && WithoutConversions(initializer) is IObjectCreationOperation { Syntax: ExpressionSyntax created })
        {
            return created;
        }

        return value.Syntax as ExpressionSyntax ?? argument.Value.Syntax as ExpressionSyntax;
    }

    /// <summary>The methods a handler argument binds: the delegate's target, and for a lambda the method whose result it returns.</summary>
    private static IEnumerable<IMethodSymbol> HandlersOf(IOperation value, Compilation compilation, CancellationToken cancellationToken)
    {
        IOperation? current = value;
        for (int hops = 0; current is not null && hops < 4; hops++)
        {
            current = WithoutConversions(current);
            if (current is IDelegateCreationOperation creation)
            {
                current = creation.Target;
                continue;
            }

            switch (current)
            {
                case IMethodReferenceOperation method:
                    yield return method.Method.OriginalDefinition;
                    yield break;
                case IAnonymousFunctionOperation lambda:
                    yield return lambda.Symbol;
                    if (CalledByLambda(lambda) is { } called)
                    {
                        yield return called.OriginalDefinition;
                    }

                    yield break;
                case ILocalReferenceOperation local:
                    current = InitializerOf(local.Local, compilation, cancellationToken);
                    break;
                case IFieldReferenceOperation field:
                    current = InitializerOf(field.Field, compilation, cancellationToken);
                    break;
                default:
                    yield break;
            }
        }
    }

    /// <summary>
    /// The method whose result a lambda returns (<c>(input, context) =&gt; functions.Handle(input, context)</c>, awaited or
    /// not), or the one call a statement lambda makes: that method is the handler the lambda only forwards to.
    /// </summary>
    private static IMethodSymbol? CalledByLambda(IAnonymousFunctionOperation lambda)
    {
        List<IOperation> returned = SizeModel.PayloadFlowAnalysis.ReturnedValues(lambda.Body);
        IOperation? forwarded = returned.Count == 1 ? returned[0]
            : returned.Count == 0 && lambda.Body.Operations is [IExpressionStatementOperation statement, ..] && lambda.Body.Operations.Length <= 2 ? statement.Operation
            : null;
        forwarded = forwarded is null ? null : WithoutConversions(forwarded);
        if (forwarded is IAwaitOperation awaited)
        {
            forwarded = WithoutConversions(awaited.Operation);
        }

        return forwarded is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } target } ? target : null;
    }

    private static IOperation WithoutConversions(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The initializer a local, field or property is declared with (its one declaration), as an operation.</summary>
    private static IOperation? InitializerOf(ISymbol holder, Compilation compilation, CancellationToken cancellationToken)
    {
        if (holder.DeclaringSyntaxReferences is not [SyntaxReference reference])
        {
            return null;
        }

        ExpressionSyntax? initializer = reference.GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
            _ => null,
        };
        return initializer is null ? null : SemanticModelOf(compilation, initializer.SyntaxTree).GetOperation(initializer, cancellationToken);
    }

    private static (SyntaxTree, TextSpan)? KeyOf(IMethodSymbol method)
        => method.DeclaringSyntaxReferences is [SyntaxReference reference, ..] ? (reference.SyntaxTree, reference.Span) : null;

    // Create calls live in Program.cs or a Main method while the handlers they bind may be anywhere: the analyzers see
    // one symbol or block at a time, so the calls are read from every tree once per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private static SemanticModel SemanticModelOf(Compilation compilation, SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}

using Microsoft.CodeAnalysis.CSharp;
using PayloadGen.Generators.Model;

namespace PayloadGen.Generators.Emit;

/// <summary>
/// What every kind of wrapper writes the same way: the handler-string constant, the JSON metadata caches, the
/// wrapper's signature and the runtime and deadline locals it starts with.
/// </summary>
internal static class WrapperMembers
{
    public const string Stream = "global::System.IO.Stream";
    public const string TaskOfStream = "global::System.Threading.Tasks.Task<" + Stream + ">";
    public const string LambdaContext = "global::Amazon.Lambda.Core.ILambdaContext";
    public const string Runtime = "global::PayloadGen.ClaimCheckRuntime";

    /// <summary>Refuses a JSON <c>null</c> payload for a parameter that is not nullable.</summary>
    public const string RequirePayload = Runtime + ".RequirePayload";
    public const string Deadline = "global::PayloadGen.LambdaDeadline";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    // Generated locals start with "__" so they cannot capture or shadow the user's names.
    public const string RuntimeLocal = "__runtime";
    public const string DeadlineLocal = "__deadline";

    /// <summary>The deadline's token, to pass wherever the wrapper's work can be cancelled.</summary>
    public const string DeadlineToken = DeadlineLocal + ".Token";

    /// <summary>
    /// Whether the wrapper takes an <c>ILambdaContext</c>: always when the compilation has the type, since its
    /// remaining time sets the deadline, and when the user's method takes one.
    /// </summary>
    public static bool TakesContext(HandlerSpec handler, CompilationFacts facts) => facts.HasLambdaContext || handler.TakesLambdaContext;

    /// <summary>Writes the constant holding the wrapper's Lambda handler string.</summary>
    public static void WriteHandlerConstant(SourceWriter writer, HandlerSpec handler, CompilationFacts facts)
    {
        string handlerString = facts.AssemblyName + "::" + handler.HandlerTypeName + "::" + handler.WrapperName;
        writer.WriteLine("/// <summary>Lambda handler string of <see cref=\"" + handler.WrapperName + "\"/>: deploy this, not <c>" + handler.MethodMetadataName + "</c>.</summary>");
        writer.WriteLine(GeneratorIdentity.GeneratedCodeAttribute);
        writer.WriteLine("public const string " + handler.HandlerConstantName + " = " + SymbolDisplay.FormatLiteral(handlerString, quote: true) + ";");
        writer.WriteLine();
    }

    /// <summary>Writes a static field caching the JSON metadata of <paramref name="type"/>.</summary>
    public static void WriteTypeInfoField(SourceWriter writer, string name, PayloadTypeSpec type)
    {
        writer.WriteLine(GeneratorIdentity.GeneratedCodeAttribute);
        writer.WriteLine("private static " + JsonTypeInfo + "<" + type.FullyQualifiedName + ">? " + name + ";");
        writer.WriteLine();
    }

    /// <summary>The expression reading <paramref name="field"/>, filling it on first use.</summary>
    public static string CachedTypeInfo(HandlerSpec handler, string field, PayloadTypeSpec type)
        => field + " ??= " + JsonTypeInfoExpression.For(handler.Json, type.FullyQualifiedName);

    /// <summary>Writes the wrapper's signature line: <c>public [static] [async] Task&lt;Stream&gt; {Method}ClaimCheck(Stream input[, ILambdaContext context])</c>.</summary>
    public static void WriteSignature(SourceWriter writer, HandlerSpec handler, bool takesContext, bool isAsync)
    {
        writer.WriteLine(GeneratorIdentity.GeneratedCodeAttribute);
        writer.WriteLine("public " + (handler.IsStatic ? "static " : string.Empty) + (isAsync ? "async " : string.Empty)
            + TaskOfStream + " " + handler.WrapperName + "(" + Stream + " input" + (takesContext ? ", " + LambdaContext + " context" : string.Empty) + ")");
    }

    /// <summary>Writes the <c>__runtime</c> local: the containing type's <c>ClaimCheckRuntime</c> member, else the default runtime.</summary>
    public static void WriteRuntimeLocal(SourceWriter writer, HandlerSpec handler)
    {
        string runtime = handler.RuntimeMemberExpression is { } member
            ? "(" + member + " ?? " + Runtime + ".Default)"
            : Runtime + ".Default";
        writer.WriteLine(Runtime + " " + RuntimeLocal + " = " + runtime + ";");
    }

    /// <summary>
    /// Writes the <c>__deadline</c> local: started from the context's remaining time, or
    /// <c>LambdaDeadline.None</c> when the wrapper has no context.
    /// </summary>
    public static void WriteDeadlineLocal(SourceWriter writer, bool takesContext)
        => writer.WriteLine("using " + Deadline + " " + DeadlineLocal + " = "
            + (takesContext ? RuntimeLocal + ".StartDeadline(context.RemainingTime)" : Deadline + ".None") + ";");

    /// <summary>
    /// The argument for the payload parameter: the hydrated value, which is <c>T?</c> because JSON <c>null</c> is a
    /// valid payload. A nullable parameter (or a value type, where the serializer itself refuses null) receives it as
    /// sent; any other gets it through <see cref="RequirePayload"/>, so the method never sees a null its signature
    /// rules out.
    /// </summary>
    public static string PayloadArgument(PayloadTypeSpec payload, string local)
        => PassesNullAsSent(payload) ? local : RequirePayload + "(" + local + ")";

    /// <summary>
    /// Whether JSON <c>null</c> reaches the method as sent: for a payload parameter and, the same way, for the items of an
    /// <c>IAsyncEnumerable&lt;T&gt;</c> request (the runtime refuses a null item otherwise).
    /// </summary>
    public static bool PassesNullAsSent(PayloadTypeSpec payload) => payload.IsValueType || payload.IsAnnotated;
}

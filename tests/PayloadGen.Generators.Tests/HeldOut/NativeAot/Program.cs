// The Native AOT executable of `dotnet new lambda.NativeAOT`: top-level statements, a source-generated
// JsonSerializerContext, and the serializer handed to LambdaBootstrapBuilder — here PayloadGen's claim-check
// serializer over that context instead of SourceGeneratorLambdaJsonSerializer<TContext>. Added after the second round,
// with what it must do written in HeldOutShapesRunTests before it was first run.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;
using PayloadGen;

ILambdaSerializer serializer = new FunctionSerializer();
Console.WriteLine(serializer.GetType().Name + " " + nameof(Function.FunctionHandler));

public sealed class Order
{
    public string OrderId { get; set; } = "";
    public List<string> Lines { get; set; } = new();
    public string? Note { get; set; }
}

public sealed class Receipt
{
    public string OrderId { get; set; } = "";
    public int LineCount { get; set; }
    public string? Warning { get; set; }
}

public static class Function
{
    public static Receipt FunctionHandler(Order order, ILambdaContext context)
        => new() { OrderId = order.OrderId, LineCount = order.Lines.Count, Warning = order.Note is null ? null : context.FunctionName };
}

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
public partial class LambdaFunctionJsonSerializerContext : JsonSerializerContext
{
}

[ClaimCheckSerializer(JsonContext = typeof(LambdaFunctionJsonSerializerContext))]
public partial class FunctionSerializer;

using System;

namespace PayloadGen;

/// <summary>
/// Makes a <c>partial</c> class a claim-check Lambda serializer: the generator adds
/// <c>Amazon.Lambda.Core.ILambdaSerializer</c> and a public parameterless constructor, so
/// <c>[assembly: LambdaSerializer(typeof(MySerializer))]</c> (classic and Amazon.Lambda.Annotations handlers) and
/// <c>LambdaBootstrapBuilder.Create(handler, new MySerializer())</c> (executable handlers) bring the claim check to
/// every handler of the function without a wrapper.
/// </summary>
/// <remarks>
/// Inline JSON is read and written as Amazon.Lambda.Serialization.SystemTextJson's <c>DefaultLambdaJsonSerializer</c>
/// does; pointers are hydrated; responses over the limit are stored (API Gateway and ALB proxy responses answer with
/// a redirect to the stored body, any other response with a pointer).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ClaimCheckSerializerAttribute : Attribute
{
    /// <summary>
    /// A <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> type with metadata for every request and
    /// response type of the function (required for Native AOT). Its metadata is read and written with the options of
    /// Lambda's default System.Text.Json serializer, whatever options the context was generated with (as
    /// <c>SourceGeneratorLambdaJsonSerializer&lt;TContext&gt;</c> does). When unset, reflection metadata with those
    /// options is used.
    /// </summary>
    public Type? JsonContext { get; set; }
}

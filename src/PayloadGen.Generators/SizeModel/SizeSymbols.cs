using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Every type the size engine recognises, resolved once per compilation by metadata name (System.Text.Json's
/// <c>KnownTypeSymbols</c> is the model). Recognizers compare symbols against these, never namespaces as strings.
/// Types of packages the compilation does not reference (AWS SDK, EF Core, Newtonsoft.Json, ASP.NET Core) are null,
/// and the recognizers that need them stay silent.
/// </summary>
internal sealed class SizeSymbols
{
    private static readonly ConditionalWeakTable<Compilation, SizeSymbols> PerCompilation = new();

    private SizeSymbols(Compilation compilation)
    {
        Compilation = compilation;
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        // BCL
        EnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        AsyncEnumerableOfT = Get("System.Collections.Generic.IAsyncEnumerable`1");
        ConfiguredAsyncEnumerableOfT = Get("System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable`1");
        DictionaryOfKV = Get("System.Collections.Generic.IDictionary`2");
        ReadOnlyDictionaryOfKV = Get("System.Collections.Generic.IReadOnlyDictionary`2");
        MemoryOfT = Get("System.Memory`1");
        ReadOnlyMemoryOfT = Get("System.ReadOnlyMemory`1");
        Uri = Get("System.Uri");
        Stream = Get("System.IO.Stream");
        MemoryStream = Get("System.IO.MemoryStream");
        TextReader = Get("System.IO.TextReader");
        File = Get("System.IO.File");
        StringBuilder = Get("System.Text.StringBuilder");
        Encoding = Get("System.Text.Encoding");
        Convert = Get("System.Convert");
        Task = Get("System.Threading.Tasks.Task");
        TaskOfT = Get("System.Threading.Tasks.Task`1");
        ValueTask = Get("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Get("System.Threading.Tasks.ValueTask`1");
        Enumerable = Get("System.Linq.Enumerable");
        Queryable = Get("System.Linq.Queryable");
        QueryableOfT = Get("System.Linq.IQueryable`1");
        EfDbSetOfT = Get("Microsoft.EntityFrameworkCore.DbSet`1");
        FlagsAttribute = Get("System.FlagsAttribute");
        ServiceProvider = Get("System.IServiceProvider");
        ServiceProviderExtensions = Get("Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions");

        // System.Text.Json contract: the types JsonContract reads are resolved by JsonContractSymbols, shared with the generator.
        Json = JsonContractSymbols.For(compilation);
        JsonSerializer = Get("System.Text.Json.JsonSerializer");
        JsonIgnore = Json.JsonIgnore;
        JsonIgnoreCondition = Json.JsonIgnoreCondition;
        JsonInclude = Json.JsonInclude;
        JsonPropertyName = Json.JsonPropertyName;
        JsonExtensionData = Json.JsonExtensionData;
        JsonConverter = Json.JsonConverter;
        JsonStringEnumConverter = Json.JsonStringEnumConverter;
        JsonStringEnumConverterOfT = Json.JsonStringEnumConverterOfT;
        JsonDerivedType = Json.JsonDerivedType;
        JsonPolymorphic = Json.JsonPolymorphic;
        JsonNumberHandlingAttribute = Json.JsonNumberHandlingAttribute;
        JsonNumberHandling = Json.JsonNumberHandling;
        JsonRequired = Get("System.Text.Json.Serialization.JsonRequiredAttribute");

        // Data annotations
        MaxLength = Get("System.ComponentModel.DataAnnotations.MaxLengthAttribute");
        MinLength = Get("System.ComponentModel.DataAnnotations.MinLengthAttribute");
        StringLength = Get("System.ComponentModel.DataAnnotations.StringLengthAttribute");
        Length = Get("System.ComponentModel.DataAnnotations.LengthAttribute");
        Key = Get("System.ComponentModel.DataAnnotations.KeyAttribute");

        // Other serializers
        NewtonsoftJsonConvert = Get("Newtonsoft.Json.JsonConvert");
        NewtonsoftJToken = Get("Newtonsoft.Json.Linq.JToken");

        // MediatR: a request sent through the mediator runs its one handler
        MediatRSender = Get("MediatR.ISender");
        MediatRMediator = Get("MediatR.IMediator");
        MediatRRequestHandler = Get("MediatR.IRequestHandler`2");

        // Dapper (matched by metadata name, like every package here)
        DapperSqlMapper = Get("Dapper.SqlMapper");

        // AWS SDK
        DynamoDbClient = Get("Amazon.DynamoDBv2.IAmazonDynamoDB");
        DynamoDbContext = Get("Amazon.DynamoDBv2.DataModel.IDynamoDBContext");
        DynamoDbAsyncSearchOfT = Get("Amazon.DynamoDBv2.DataModel.AsyncSearch`1");
        DynamoDbDocumentSearch = Get("Amazon.DynamoDBv2.DocumentModel.Search");
        DynamoDbTable = Get("Amazon.DynamoDBv2.DocumentModel.Table");
        S3Client = Get("Amazon.S3.IAmazonS3");
        AwsPaginatedEnumerable = Get("Amazon.Runtime.IPaginatedEnumerable`1");

        // HTTP results
        AspNetResults = Get("Microsoft.AspNetCore.Http.Results");
        AspNetTypedResults = Get("Microsoft.AspNetCore.Http.TypedResults");
        AspNetControllerBase = Get("Microsoft.AspNetCore.Mvc.ControllerBase");
        AspNetController = Get("Microsoft.AspNetCore.Mvc.Controller");
        AnnotationsHttpResults = Get("Amazon.Lambda.Annotations.APIGateway.HttpResults");
        ApiGatewayProxyResponse = Get("Amazon.Lambda.APIGatewayEvents.APIGatewayProxyResponse");
        ApiGatewayHttpApiV2ProxyResponse = Get("Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyResponse");
        AlbResponse = Get("Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerResponse");

        // PayloadGen's own cross-project evidence
        SizeEvidenceAttribute = Get(SizeEvidenceAttributeName);
    }

    /// <summary>The metadata name of the runtime library's attribute that carries exported method summaries.</summary>
    public const string SizeEvidenceAttributeName = "PayloadGen.SizeEvidenceAttribute";

    public Compilation Compilation { get; }

    /// <summary>The System.Text.Json types <see cref="JsonContract"/> reads.</summary>
    public JsonContractSymbols Json { get; }

    public INamedTypeSymbol EnumerableOfT { get; }
    /// <summary>What <c>WithCancellation</c>/<c>ConfigureAwait</c> make of an async sequence: the same rows, configured.</summary>
    public INamedTypeSymbol? ConfiguredAsyncEnumerableOfT { get; }

    /// <summary>MediatR's <c>ISender</c> (<c>IMediator</c> derives from it since MediatR 9).</summary>
    public INamedTypeSymbol? MediatRSender { get; }

    /// <summary>MediatR's <c>IMediator</c>, which declares <c>Send</c> itself before MediatR 9.</summary>
    public INamedTypeSymbol? MediatRMediator { get; }

    /// <summary>MediatR's <c>IRequestHandler&lt;TRequest, TResponse&gt;</c>.</summary>
    public INamedTypeSymbol? MediatRRequestHandler { get; }

    /// <summary>What every AWS SDK paginator's properties return: each page (or item) of the operation, to the last.</summary>
    public INamedTypeSymbol? AwsPaginatedEnumerable { get; }

    /// <summary>EF Core's <c>DbSet&lt;T&gt;</c>: a whole table when read as a value.</summary>
    public INamedTypeSymbol? EfDbSetOfT { get; }

    public INamedTypeSymbol? AsyncEnumerableOfT { get; }
    public INamedTypeSymbol? DictionaryOfKV { get; }
    public INamedTypeSymbol? ReadOnlyDictionaryOfKV { get; }
    public INamedTypeSymbol? MemoryOfT { get; }
    public INamedTypeSymbol? ReadOnlyMemoryOfT { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? TextReader { get; }
    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? Convert { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? Queryable { get; }
    public INamedTypeSymbol? QueryableOfT { get; }
    public INamedTypeSymbol? FlagsAttribute { get; }
    public INamedTypeSymbol? ServiceProvider { get; }
    public INamedTypeSymbol? ServiceProviderExtensions { get; }
    public INamedTypeSymbol? JsonSerializer { get; }
    public INamedTypeSymbol? JsonIgnore { get; }
    public INamedTypeSymbol? JsonIgnoreCondition { get; }
    public INamedTypeSymbol? JsonInclude { get; }
    public INamedTypeSymbol? JsonPropertyName { get; }
    public INamedTypeSymbol? JsonExtensionData { get; }
    public INamedTypeSymbol? JsonConverter { get; }
    public INamedTypeSymbol? JsonStringEnumConverter { get; }
    public INamedTypeSymbol? JsonStringEnumConverterOfT { get; }
    public INamedTypeSymbol? JsonDerivedType { get; }
    public INamedTypeSymbol? JsonPolymorphic { get; }
    public INamedTypeSymbol? JsonNumberHandlingAttribute { get; }
    public INamedTypeSymbol? JsonNumberHandling { get; }
    public INamedTypeSymbol? JsonRequired { get; }
    public INamedTypeSymbol? MaxLength { get; }
    public INamedTypeSymbol? MinLength { get; }
    public INamedTypeSymbol? StringLength { get; }
    public INamedTypeSymbol? Length { get; }
    public INamedTypeSymbol? Key { get; }
    public INamedTypeSymbol? NewtonsoftJsonConvert { get; }
    public INamedTypeSymbol? NewtonsoftJToken { get; }
    public INamedTypeSymbol? DapperSqlMapper { get; }
    public INamedTypeSymbol? DynamoDbClient { get; }
    public INamedTypeSymbol? DynamoDbContext { get; }
    public INamedTypeSymbol? DynamoDbAsyncSearchOfT { get; }
    public INamedTypeSymbol? DynamoDbDocumentSearch { get; }
    public INamedTypeSymbol? DynamoDbTable { get; }
    public INamedTypeSymbol? S3Client { get; }
    public INamedTypeSymbol? AspNetResults { get; }
    public INamedTypeSymbol? AspNetTypedResults { get; }
    public INamedTypeSymbol? AspNetControllerBase { get; }
    public INamedTypeSymbol? AspNetController { get; }
    public INamedTypeSymbol? AnnotationsHttpResults { get; }
    public INamedTypeSymbol? ApiGatewayProxyResponse { get; }
    public INamedTypeSymbol? ApiGatewayHttpApiV2ProxyResponse { get; }
    public INamedTypeSymbol? AlbResponse { get; }
    public INamedTypeSymbol? SizeEvidenceAttribute { get; }

    public static SizeSymbols For(Compilation compilation) =>
        PerCompilation.GetValue(compilation, static c => new SizeSymbols(c));

    /// <summary>The type a method's result serializes as: <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> unwrapped; null for no result.</summary>
    public ITypeSymbol? ResultType(IMethodSymbol method)
    {
        if (method.ReturnsVoid || Is(method.ReturnType, Task) || Is(method.ReturnType, ValueTask))
        {
            return null;
        }

        return method.ReturnType is INamedTypeSymbol { IsGenericType: true } named && (Is(named.OriginalDefinition, TaskOfT) || Is(named.OriginalDefinition, ValueTaskOfT))
            ? named.TypeArguments[0]
            : method.ReturnType;
    }

    /// <summary>API Gateway and ALB proxy responses: the payload is their text <c>Body</c>.</summary>
    public bool IsHttpProxyResponse(ITypeSymbol? type) =>
        type is not null && (Is(type, ApiGatewayProxyResponse) || Is(type, ApiGatewayHttpApiV2ProxyResponse) || Is(type, AlbResponse));

    /// <summary>True when <paramref name="type"/> is <paramref name="candidate"/> (both non-null).</summary>
    public static bool Is(ITypeSymbol? type, ITypeSymbol? candidate) =>
        type is not null && candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate);

    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="baseType"/>.</summary>
    public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (type is null || baseType is null)
        {
            return false;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        if (baseType.TypeKind == TypeKind.Interface)
        {
            foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The value of a member of an enum type read by name (<c>JsonIgnoreCondition.Always</c>), never a magic number.</summary>
    public static long? EnumValue(INamedTypeSymbol? enumType, string memberName)
    {
        if (enumType is null)
        {
            return null;
        }

        foreach (ISymbol member in enumType.GetMembers(memberName))
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value })
            {
                return System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}

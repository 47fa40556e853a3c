namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The AWS types (and the EF Core and Dapper APIs) the analyzers recognise, declared with their real namespaces and members: the Amazon.Lambda.* and
/// several AWSSDK packages cannot be restored here, and the analyzers match them by metadata name only.
/// Compiled once into a reference assembly, like the real packages.
/// </summary>
internal static class AwsShapes
{
    public const string Source = """
        namespace Amazon.Lambda.Core
        {
            public interface ILambdaLogger { void Log(string message); void LogLine(string message); }
            public interface IClientContext { }
            public interface ICognitoIdentity { }
            public interface ILambdaContext
            {
                string AwsRequestId { get; }
                IClientContext ClientContext { get; }
                string FunctionName { get; }
                string FunctionVersion { get; }
                ICognitoIdentity Identity { get; }
                string InvokedFunctionArn { get; }
                ILambdaLogger Logger { get; }
                string LogGroupName { get; }
                string LogStreamName { get; }
                int MemoryLimitInMB { get; }
                System.TimeSpan RemainingTime { get; }
            }
            [System.AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Method)]
            public sealed class LambdaSerializerAttribute : System.Attribute { public LambdaSerializerAttribute(System.Type serializerType) { } }
        }
        namespace Amazon.Lambda.SQSEvents
        {
            public class SQSEvent
            {
                public System.Collections.Generic.List<SQSMessage> Records { get; set; }
                public class SQSMessage { public string MessageId { get; set; } public string Body { get; set; } }
            }
            public class SQSBatchResponse { }
        }
        namespace Amazon.Lambda.SNSEvents
        {
            public class SNSEvent
            {
                public System.Collections.Generic.IList<SNSRecord> Records { get; set; }
                public class SNSRecord { public SNSMessage Sns { get; set; } }
                public class SNSMessage { public string Message { get; set; } }
            }
        }
        namespace Amazon.Lambda.S3Events
        {
            public class S3Event
            {
                public System.Collections.Generic.List<S3EventNotificationRecord> Records { get; set; }
                public class S3EventNotificationRecord { public S3Entity S3 { get; set; } }
                public class S3Entity { public S3BucketEntity Bucket { get; set; } public S3ObjectEntity Object { get; set; } }
                public class S3BucketEntity { public string Name { get; set; } }
                public class S3ObjectEntity { public string Key { get; set; } public long Size { get; set; } }
            }
        }
        namespace Amazon.Lambda.KinesisEvents
        {
            public class KinesisEvent
            {
                public System.Collections.Generic.IList<KinesisEventRecord> Records { get; set; }
                public class KinesisEventRecord { public string EventId { get; set; } public Record Kinesis { get; set; } }
                public class Record { public string PartitionKey { get; set; } public string SequenceNumber { get; set; } public System.IO.MemoryStream Data { get; set; } }
            }
        }
        namespace Amazon.Lambda.DynamoDBEvents
        {
            public class DynamoDBEvent
            {
                public System.Collections.Generic.List<DynamodbStreamRecord> Records { get; set; }
                public class DynamodbStreamRecord { public string EventName { get; set; } public StreamRecord Dynamodb { get; set; } }
                public class StreamRecord { public System.Collections.Generic.Dictionary<string, AttributeValue> NewImage { get; set; } public System.Collections.Generic.Dictionary<string, AttributeValue> Keys { get; set; } }
                public class AttributeValue { public string S { get; set; } public string N { get; set; } }
            public class GetItemRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string TableName { get; set; }
                public System.Collections.Generic.Dictionary<string, AttributeValue> Key { get; set; }
            }
            public class GetItemResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public System.Collections.Generic.Dictionary<string, AttributeValue> Item { get; set; }
                public bool IsItemSet { get; set; }
            }
            }
        }
        namespace Amazon.Lambda.CloudWatchEvents { public class CloudWatchEvent<T> { public T Detail { get; set; } } }
        namespace Amazon.Lambda.CloudWatchEvents.ScheduledEvents { public class ScheduledEvent : Amazon.Lambda.CloudWatchEvents.CloudWatchEvent<object> { } }
        namespace Amazon.Lambda.APIGatewayEvents
        {
            public class APIGatewayProxyRequest { public string Body { get; set; } public string Path { get; set; } public System.Collections.Generic.IDictionary<string, string> PathParameters { get; set; } public System.Collections.Generic.IDictionary<string, string> QueryStringParameters { get; set; } }
            public class APIGatewayProxyResponse
            {
                public int StatusCode { get; set; }
                public System.Collections.Generic.IDictionary<string, string> Headers { get; set; }
                public string Body { get; set; }
                public bool IsBase64Encoded { get; set; }
            }
            public class APIGatewayHttpApiV2ProxyRequest { public string Body { get; set; } public string RawPath { get; set; } public string RawQueryString { get; set; } public System.Collections.Generic.IDictionary<string, string> PathParameters { get; set; } public System.Collections.Generic.IDictionary<string, string> QueryStringParameters { get; set; } }
            public class APIGatewayHttpApiV2ProxyResponse
            {
                public int StatusCode { get; set; }
                public System.Collections.Generic.IDictionary<string, string> Headers { get; set; }
                public string Body { get; set; }
                public bool IsBase64Encoded { get; set; }
            }
        }
        namespace Amazon.Lambda.ApplicationLoadBalancerEvents
        {
            public class ApplicationLoadBalancerRequest { public string Body { get; set; } public string Path { get; set; } }
            public class ApplicationLoadBalancerResponse
            {
                public int StatusCode { get; set; }
                public System.Collections.Generic.IDictionary<string, string> Headers { get; set; }
                public string Body { get; set; }
                public bool IsBase64Encoded { get; set; }
            }
        }
        namespace Amazon.Lambda.Annotations
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class LambdaFunctionAttribute : System.Attribute { public string ResourceName { get; set; } public int Timeout { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public class LambdaStartupAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class FromBodyAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class FromRouteAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class FromQueryAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class FromServicesAttribute : System.Attribute { }
            namespace APIGateway
            {
                public enum LambdaHttpMethod { Any, Get, Post, Put, Delete }
                public enum HttpApiVersion { V1, V2 }
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public class HttpApiAttribute : System.Attribute { public HttpApiAttribute(LambdaHttpMethod method, string template) { } public HttpApiVersion Version { get; set; } }
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public class RestApiAttribute : System.Attribute { public RestApiAttribute(LambdaHttpMethod method, string template) { } }
                public interface IHttpResult { }
                public static class HttpResults
                {
                    public static IHttpResult Ok(object body = null) => null;
                    public static IHttpResult Created(string uri = null, object body = null) => null;
                    public static IHttpResult NotFound(object body = null) => null;
                }
            }
            namespace SQS
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public class SQSEventAttribute : System.Attribute { public SQSEventAttribute(string queue) { } public uint BatchSize { get; set; } }
            }
        }
        namespace Amazon.Runtime
        {
            public class AmazonWebServiceRequest { }
            public class AmazonWebServiceResponse { public System.Net.HttpStatusCode HttpStatusCode { get; set; } }
            public interface IPaginatedEnumerable<out TResult> : System.Collections.Generic.IAsyncEnumerable<TResult> { }
            public class ConstantClass
            {
                protected ConstantClass(string value) { Value = value; }
                public string Value { get; }
            }
        }
        namespace Amazon.SQS
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS.Model;
            public interface IAmazonSQS
            {
                Task<SendMessageResponse> SendMessageAsync(string queueUrl, string messageBody, CancellationToken cancellationToken = default);
                Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);
                Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default);
            }
        }
        namespace Amazon.SQS.Model
        {
            public class SendMessageRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public SendMessageRequest() { }
                public SendMessageRequest(string queueUrl, string messageBody) { QueueUrl = queueUrl; MessageBody = messageBody; }
                public string QueueUrl { get; set; }
                public string MessageBody { get; set; }
                public int DelaySeconds { get; set; }
            }
            public class SendMessageResponse : Amazon.Runtime.AmazonWebServiceResponse { public string MessageId { get; set; } }
            public class SendMessageBatchRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string QueueUrl { get; set; }
                public System.Collections.Generic.List<SendMessageBatchRequestEntry> Entries { get; set; }
            }
            public class SendMessageBatchRequestEntry
            {
                public SendMessageBatchRequestEntry() { }
                public SendMessageBatchRequestEntry(string id, string messageBody) { Id = id; MessageBody = messageBody; }
                public string Id { get; set; }
                public string MessageBody { get; set; }
            }
            public class SendMessageBatchResponse : Amazon.Runtime.AmazonWebServiceResponse { }
        }
        namespace Amazon.SimpleNotificationService
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SimpleNotificationService.Model;
            public interface IAmazonSimpleNotificationService
            {
                Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default);
                Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
            }
        }
        namespace Amazon.SimpleNotificationService.Model
        {
            public class PublishRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public PublishRequest() { }
                public PublishRequest(string topicArn, string message) { TopicArn = topicArn; Message = message; }
                public string TopicArn { get; set; }
                public string Message { get; set; }
                public string Subject { get; set; }
            }
            public class PublishResponse : Amazon.Runtime.AmazonWebServiceResponse { }
        }
        namespace Amazon.EventBridge
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.EventBridge.Model;
            public interface IAmazonEventBridge
            {
                Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default);
            }
        }
        namespace Amazon.EventBridge.Model
        {
            public class PutEventsRequest : Amazon.Runtime.AmazonWebServiceRequest { public System.Collections.Generic.List<PutEventsRequestEntry> Entries { get; set; } }
            public class PutEventsRequestEntry
            {
                public string Source { get; set; }
                public string DetailType { get; set; }
                public string Detail { get; set; }
                public string EventBusName { get; set; }
            }
            public class PutEventsResponse : Amazon.Runtime.AmazonWebServiceResponse { }
        }
        namespace Amazon.Lambda
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.Lambda.Model;
            public sealed class InvocationType : Amazon.Runtime.ConstantClass
            {
                public static readonly InvocationType DryRun = new InvocationType("DryRun");
                public static readonly InvocationType Event = new InvocationType("Event");
                public static readonly InvocationType RequestResponse = new InvocationType("RequestResponse");
                public InvocationType(string value) : base(value) { }
                public static implicit operator InvocationType(string value) => new InvocationType(value);
            }
            public interface IAmazonLambda
            {
                Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);
            }
        }
        namespace Amazon.Lambda.Model
        {
            public class InvokeRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string FunctionName { get; set; }
                public string Payload { get; set; }
                public Amazon.Lambda.InvocationType InvocationType { get; set; }
            }
            public class InvokeResponse : Amazon.Runtime.AmazonWebServiceResponse { public System.IO.MemoryStream Payload { get; set; } }
        }
        namespace Amazon.S3
        {
            using System.Threading.Tasks;
            using Amazon.S3.Model;
            public interface IAmazonS3
            {
                Task<GetObjectResponse> GetObjectAsync(string bucketName, string key, System.Threading.CancellationToken cancellationToken = default);
                Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, System.Threading.CancellationToken cancellationToken = default);
                Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, System.Threading.CancellationToken cancellationToken = default);
                Task<ListObjectsV2Response> ListObjectsV2Async(ListObjectsV2Request request, System.Threading.CancellationToken cancellationToken = default);
                string GetPreSignedURL(GetPreSignedUrlRequest request);
                Amazon.S3.Model.IS3PaginatorFactory Paginators { get; }
            }
        }
        namespace Amazon.S3.Model
        {
            public class GetObjectResponse : Amazon.Runtime.AmazonWebServiceResponse, System.IDisposable { public System.IO.Stream ResponseStream { get; set; } public long ContentLength { get; set; } public string Key { get; set; } public void Dispose() { } }
            public class GetObjectRequest : Amazon.Runtime.AmazonWebServiceRequest { public string BucketName { get; set; } public string Key { get; set; } }
            public class PutObjectRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string BucketName { get; set; }
                public string Key { get; set; }
                public string ContentBody { get; set; }
                public System.IO.Stream InputStream { get; set; }
                public string ContentType { get; set; }
            }
            public class PutObjectResponse : Amazon.Runtime.AmazonWebServiceResponse { public string ETag { get; set; } }
            public class ListObjectsV2Request : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string BucketName { get; set; }
                public string Prefix { get; set; }
                public int MaxKeys { get; set; }
                public string ContinuationToken { get; set; }
            }
            public class ListObjectsV2Response : Amazon.Runtime.AmazonWebServiceResponse
            {
                public System.Collections.Generic.List<S3Object> S3Objects { get; set; }
                public bool IsTruncated { get; set; }
                public string NextContinuationToken { get; set; }
            }
            public class S3Object { public string Key { get; set; } public long Size { get; set; } }
            public interface IListObjectsV2Paginator
            {
                Amazon.Runtime.IPaginatedEnumerable<ListObjectsV2Response> Responses { get; }
                Amazon.Runtime.IPaginatedEnumerable<S3Object> S3Objects { get; }
            }
            public interface IS3PaginatorFactory { IListObjectsV2Paginator ListObjectsV2(ListObjectsV2Request request); }
            public class GetPreSignedUrlRequest { public string BucketName { get; set; } public string Key { get; set; } public System.DateTime Expires { get; set; } }
        }
        namespace Amazon.DynamoDBv2
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2.Model;
            public interface IAmazonDynamoDB
            {
                Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default);
                Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default);
                Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default);
                Amazon.DynamoDBv2.Model.IDynamoDBv2PaginatorFactory Paginators { get; }
            }
            public class AmazonDynamoDBClient : IAmazonDynamoDB
            {
                public Amazon.DynamoDBv2.Model.IDynamoDBv2PaginatorFactory Paginators => null;
                public Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default) => null;
                public Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default) => null;
                public Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default) => null;
            }
        }
        namespace Amazon.DynamoDBv2.Model
        {
            using System.Collections.Generic;
            public class AttributeValue { public string S { get; set; } public string N { get; set; } }
            public class GetItemRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string TableName { get; set; }
                public Dictionary<string, AttributeValue> Key { get; set; }
            }
            public class GetItemResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public Dictionary<string, AttributeValue> Item { get; set; }
                public bool IsItemSet { get; set; }
            }
            public class ScanRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string TableName { get; set; }
                public int Limit { get; set; }
                public string Select { get; set; }
                public Dictionary<string, AttributeValue> ExclusiveStartKey { get; set; }
            }
            public class ScanResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public List<Dictionary<string, AttributeValue>> Items { get; set; }
                public Dictionary<string, AttributeValue> LastEvaluatedKey { get; set; }
                public int Count { get; set; }
            }
            public class QueryRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string TableName { get; set; }
                public int Limit { get; set; }
                public string KeyConditionExpression { get; set; }
                public string IndexName { get; set; }
                public string Select { get; set; }
                public Dictionary<string, AttributeValue> ExpressionAttributeValues { get; set; }
                public Dictionary<string, AttributeValue> ExclusiveStartKey { get; set; }
            }
            public interface IScanPaginator
            {
                Amazon.Runtime.IPaginatedEnumerable<ScanResponse> Responses { get; }
                Amazon.Runtime.IPaginatedEnumerable<Dictionary<string, AttributeValue>> Items { get; }
            }
            public interface IDynamoDBv2PaginatorFactory { IScanPaginator Scan(ScanRequest request); }
            public class QueryResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public List<Dictionary<string, AttributeValue>> Items { get; set; }
                public Dictionary<string, AttributeValue> LastEvaluatedKey { get; set; }
                public int Count { get; set; }
            }
        }
        namespace Amazon.DynamoDBv2.DocumentModel
        {
            public class Expression { public string ExpressionStatement { get; set; } }
            public class ScanOperationConfig
            {
                public int Limit { get; set; }
                public string IndexName { get; set; }
                public Expression FilterExpression { get; set; }
                public string PaginationToken { get; set; }
            }
            public class QueryOperationConfig
            {
                public int Limit { get; set; }
                public string IndexName { get; set; }
                public bool BackwardSearch { get; set; }
                public Expression KeyExpression { get; set; }
                public string PaginationToken { get; set; }
            }
        }
        namespace Amazon.DynamoDBv2.DataModel
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            public class ScanCondition { }
            public class QueryConfig { public int? Limit { get; set; } public bool? BackwardQuery { get; set; } }
            public class ScanConfig { public string IndexName { get; set; } public string OverrideTableName { get; set; } public int? Limit { get; set; } }
            public class DynamoDBOperationConfig
            {
                public string OverrideTableName { get; set; }
                public string IndexName { get; set; }
                public bool? BackwardQuery { get; set; }
                public bool? ConsistentRead { get; set; }
            }
            public interface IDynamoDBContext
            {
                AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions);
                AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions, DynamoDBOperationConfig operationConfig);
                AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions, ScanConfig scanConfig);
                AsyncSearch<T> QueryAsync<T>(object hashKeyValue);
                AsyncSearch<T> QueryAsync<T>(object hashKeyValue, QueryConfig queryConfig);
                AsyncSearch<T> QueryAsync<T>(object hashKeyValue, DynamoDBOperationConfig operationConfig);
                AsyncSearch<T> FromScanAsync<T>(Amazon.DynamoDBv2.DocumentModel.ScanOperationConfig scanConfig, DynamoDBOperationConfig operationConfig = null);
                AsyncSearch<T> FromQueryAsync<T>(Amazon.DynamoDBv2.DocumentModel.QueryOperationConfig queryConfig, DynamoDBOperationConfig operationConfig = null);
                Task<T> LoadAsync<T>(object hashKey, CancellationToken cancellationToken = default);
                Task<T> LoadAsync<T>(object hashKey, object rangeKey, CancellationToken cancellationToken = default);
                Task SaveAsync<T>(T value, CancellationToken cancellationToken = default);
            }
            public class DynamoDBContext : IDynamoDBContext
            {
                public DynamoDBContext(Amazon.DynamoDBv2.IAmazonDynamoDB client) { }
                public AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions) => null;
                public AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions, DynamoDBOperationConfig operationConfig) => null;
                public AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions, ScanConfig scanConfig) => null;
                public AsyncSearch<T> QueryAsync<T>(object hashKeyValue) => null;
                public AsyncSearch<T> QueryAsync<T>(object hashKeyValue, QueryConfig queryConfig) => null;
                public AsyncSearch<T> QueryAsync<T>(object hashKeyValue, DynamoDBOperationConfig operationConfig) => null;
                public AsyncSearch<T> FromScanAsync<T>(Amazon.DynamoDBv2.DocumentModel.ScanOperationConfig scanConfig, DynamoDBOperationConfig operationConfig = null) => null;
                public AsyncSearch<T> FromQueryAsync<T>(Amazon.DynamoDBv2.DocumentModel.QueryOperationConfig queryConfig, DynamoDBOperationConfig operationConfig = null) => null;
                public Task<T> LoadAsync<T>(object hashKey, CancellationToken cancellationToken = default) => null;
                public Task<T> LoadAsync<T>(object hashKey, object rangeKey, CancellationToken cancellationToken = default) => null;
                public Task SaveAsync<T>(T value, CancellationToken cancellationToken = default) => null;
            }
            public class AsyncSearch<T>
            {
                public Task<List<T>> GetRemainingAsync(CancellationToken cancellationToken = default) => null;
                public Task<List<T>> GetNextSetAsync(CancellationToken cancellationToken = default) => null;
                public bool IsDone { get; }
            }
        }
        namespace Amazon.DynamoDBv2.DocumentModel
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            public class Document : Dictionary<string, object> { public string ToJson() => null; }
            public class ScanFilter { public void AddCondition(string attributeName, ScanOperator op, params object[] values) { } }
            public enum ScanOperator { Equal, NotEqual, GreaterThan, BeginsWith }
            public class Search
            {
                public string PaginationToken { get; }
                public Task<List<Document>> GetRemainingAsync(CancellationToken cancellationToken = default) => null;
                public Task<List<Document>> GetNextSetAsync(CancellationToken cancellationToken = default) => null;
                public bool IsDone { get; }
            }
            public class Table
            {
                public static Table LoadTable(Amazon.DynamoDBv2.IAmazonDynamoDB ddbClient, string tableName) => null;
                public Search Scan(ScanOperationConfig config) => null;
                public Search Scan(ScanFilter filter) => null;
                public Search Query(QueryOperationConfig config) => null;
            }
        }
        namespace Amazon.Lambda.Core
        {
            public interface ILambdaSerializer
            {
                T Deserialize<T>(System.IO.Stream requestStream);
                void Serialize<T>(T response, System.IO.Stream responseStream);
            }
        }
        namespace Amazon.Lambda.Serialization.SystemTextJson
        {
            public class DefaultLambdaJsonSerializer : Amazon.Lambda.Core.ILambdaSerializer
            {
                public T Deserialize<T>(System.IO.Stream requestStream) => default;
                public void Serialize<T>(T response, System.IO.Stream responseStream) { }
            }
            public class SourceGeneratorLambdaJsonSerializer<TSGContext> : Amazon.Lambda.Core.ILambdaSerializer
                where TSGContext : System.Text.Json.Serialization.JsonSerializerContext
            {
                public SourceGeneratorLambdaJsonSerializer() { }
                public SourceGeneratorLambdaJsonSerializer(System.Action<System.Text.Json.JsonSerializerOptions> customizer) { }
                public T Deserialize<T>(System.IO.Stream requestStream) => default;
                public void Serialize<T>(T response, System.IO.Stream responseStream) { }
            }
        }
        namespace Amazon.Lambda.RuntimeSupport
        {
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            public class LambdaBootstrap { public Task RunAsync(System.Threading.CancellationToken cancellationToken = default) => Task.CompletedTask; }
            // Every delegate overload of Amazon.Lambda.RuntimeSupport's builder, in its order (HandlerWrapper overloads left out).
            public class LambdaBootstrapBuilder
            {
                public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext, MemoryStream> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Task> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, Task> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Func<Task<Stream>> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, Task<Stream>> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task<Stream>> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Action handler) => null;
                public static LambdaBootstrapBuilder Create(Action<Stream> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Action<TInput> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Action<ILambdaContext> handler) => null;
                public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, Stream> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Stream> handler) => null;
                public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Stream> handler) => null;
                public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => null;
                public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => null;
                public LambdaBootstrapBuilder UseHttpClient(System.Net.Http.HttpClient httpClient) => this;
                public LambdaBootstrap Build() => null;
            }
        }
        namespace AWS.Lambda.Powertools.Logging
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class LoggingAttribute : System.Attribute { public bool LogEvent { get; set; } }
        }
        namespace AWS.Lambda.Powertools.Tracing
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class TracingAttribute : System.Attribute { }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public enum LambdaEventSource { RestApi, HttpApi, ApplicationLoadBalancer }
            public interface IServiceCollection { }
            public class ServiceCollection : IServiceCollection { }
            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services) where TService : class => services;
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
                public static IServiceCollection AddScoped<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
                public static IServiceCollection AddTransient<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
            }
            public sealed class ServiceProvider : System.IServiceProvider, System.IDisposable
            {
                public object GetService(System.Type serviceType) => null;
                public void Dispose() { }
            }
            public static class ServiceCollectionContainerBuilderExtensions
            {
                public static ServiceProvider BuildServiceProvider(this IServiceCollection services) => new ServiceProvider();
            }
            public static class ServiceProviderServiceExtensions
            {
                public static T GetRequiredService<T>(this System.IServiceProvider provider) where T : notnull => default;
                public static T GetService<T>(this System.IServiceProvider provider) => default;
            }
            public static class LambdaHostingServiceCollectionExtensions
            {
                public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource) => services;
            }
        }
        namespace Microsoft.AspNetCore.Http
        {
            public interface IResult { }
            public static class Results
            {
                public static IResult Ok(object value = null) => null;
                public static IResult NotFound(object value = null) => null;
                public static IResult Created(string uri, object value) => null;
                public static IResult Json(object data, System.Text.Json.JsonSerializerOptions options = null, string contentType = null, int? statusCode = null) => null;
                public static IResult Text(string content, string contentType = null) => null;
                public static IResult File(byte[] fileContents, string contentType = null, string fileDownloadName = null) => null;
                public static IResult Stream(System.IO.Stream stream, string contentType = null) => null;
                public static IResult Redirect(string url) => null;
            }
            public static class TypedResults
            {
                public static IResult Ok<TValue>(TValue value) => null;
            }
        }
        namespace Microsoft.AspNetCore.Routing
        {
            public interface IEndpointRouteBuilder { }
            public sealed class RouteGroupBuilder : IEndpointRouteBuilder, Microsoft.AspNetCore.Builder.IEndpointConventionBuilder { }
        }
        namespace Microsoft.AspNetCore.Builder
        {
            using System;
            using Microsoft.AspNetCore.Routing;
            public interface IEndpointConventionBuilder { }
            public sealed class WebApplicationBuilder { public Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; } public WebApplication Build() => null; }
            public sealed class WebApplication : IEndpointRouteBuilder
            {
                public static WebApplicationBuilder CreateBuilder(string[] args) => null;
                public void Run() { }
            }
            public static class EndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapGet(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null;
                public static IEndpointConventionBuilder MapPost(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null;
                public static IEndpointConventionBuilder MapPut(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null;
                public static IEndpointConventionBuilder MapDelete(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null;
                public static RouteGroupBuilder MapGroup(this IEndpointRouteBuilder endpoints, string prefix) => null;
            }
        }
        namespace Amazon.Lambda.AspNetCoreServer
        {
            public abstract class AbstractAspNetCoreFunction { }
            public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction { }
            public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest, Amazon.Lambda.APIGatewayEvents.APIGatewayProxyResponse>
            {
                protected virtual void Init(object builder) { }
            }
        }
        namespace Microsoft.AspNetCore.Mvc
        {
            using System;
            public interface IActionResult { }
            public class ActionResult : IActionResult { }
            public class ObjectResult : ActionResult { public ObjectResult(object value) { Value = value; } public object Value { get; set; } }
            public sealed class ActionResult<TValue>
            {
                public ActionResult(TValue value) { }
                public ActionResult(ActionResult result) { }
                public static implicit operator ActionResult<TValue>(TValue value) => new ActionResult<TValue>(value);
                public static implicit operator ActionResult<TValue>(ActionResult result) => new ActionResult<TValue>(result);
            }
            [AttributeUsage(AttributeTargets.Class)] public class ControllerAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class)] public class NonControllerAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class)] public sealed class ApiControllerAttribute : ControllerAttribute { }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)] public sealed class RouteAttribute : Attribute { public RouteAttribute(string template) { } }
            [AttributeUsage(AttributeTargets.Method)] public sealed class HttpGetAttribute : Attribute { public HttpGetAttribute() { } public HttpGetAttribute(string template) { } }
            [AttributeUsage(AttributeTargets.Method)] public sealed class HttpPostAttribute : Attribute { public HttpPostAttribute() { } }
            [AttributeUsage(AttributeTargets.Method)] public sealed class NonActionAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Parameter)] public sealed class FromBodyAttribute : Attribute { }
            public abstract class ControllerBase
            {
                public virtual ObjectResult Ok(object value) => new ObjectResult(value);
                public virtual ActionResult Ok() => new ActionResult();
                public virtual ActionResult NotFound() => new ActionResult();
                public virtual ObjectResult Created(string uri, object value) => new ObjectResult(value);
                public virtual ActionResult Content(string content, string contentType) => new ActionResult();
                public virtual ActionResult File(byte[] fileContents, string contentType) => new ActionResult();
                public virtual ActionResult File(System.IO.Stream fileStream, string contentType) => new ActionResult();
                public virtual ActionResult Redirect(string url) => new ActionResult();
            }
            public class OkObjectResult : ObjectResult { public OkObjectResult(object value) : base(value) { } }
            public class JsonResult : ActionResult { public JsonResult(object value) { Value = value; } public object Value { get; set; } }
            public abstract class Controller : ControllerBase
            {
                public virtual JsonResult Json(object data) => new JsonResult(data);
                public virtual ActionResult View(object model) => new ActionResult();
            }
        }
        namespace AWS.Lambda.Powertools.BatchProcessing
        {
            using System.Threading;
            using System.Threading.Tasks;
            public sealed class RecordHandlerResult { public static RecordHandlerResult None { get; } = new RecordHandlerResult(); public object Data { get; set; } }
            public interface IRecordHandler<in TRecord> { Task<RecordHandlerResult> HandleAsync(TRecord record, CancellationToken cancellationToken); }
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class BatchProcessorAttribute : System.Attribute { public System.Type RecordHandler { get; set; } }
            public class BatchItemFailuresResponse { public System.Collections.Generic.List<string> BatchItemFailures { get; set; } }
        }
        namespace AWS.Lambda.Powertools.BatchProcessing.Sqs
        {
            public class SqsBatchProcessor
            {
                public static SqsBatchProcessor Result { get; } = new SqsBatchProcessor();
                public AWS.Lambda.Powertools.BatchProcessing.BatchItemFailuresResponse BatchItemFailuresResponse { get; } = new AWS.Lambda.Powertools.BatchProcessing.BatchItemFailuresResponse();
            }
        }
        namespace MediatR
        {
            using System.Threading;
            using System.Threading.Tasks;
            public interface IBaseRequest { }
            public interface IRequest<out TResponse> : IBaseRequest { }
            public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
            public interface ISender { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }
            public interface IMediator : ISender { }
        }
        namespace Carter
        {
            public interface ICarterModule { void AddRoutes(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app); }
        }
        namespace Dapper
        {
            using System.Collections.Generic;
            using System.Data;
            using System.Data.Common;
            using System.Threading;
            using System.Threading.Tasks;
            [System.Flags] public enum CommandFlags { None = 0, Buffered = 1, Pipelined = 2, NoCache = 4 }
            public struct CommandDefinition
            {
                public CommandDefinition(string commandText, object parameters = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null, CommandFlags flags = CommandFlags.Buffered, CancellationToken cancellationToken = default) { CommandText = commandText; }
                public string CommandText { get; }
            }
            public static class SqlMapper
            {
                public static IEnumerable<dynamic> Query(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, bool buffered = true, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static IEnumerable<T> Query<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, bool buffered = true, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static IEnumerable<TReturn> Query<TFirst, TSecond, TReturn>(this IDbConnection cnn, string sql, System.Func<TFirst, TSecond, TReturn> map, object param = null, IDbTransaction transaction = null, bool buffered = true, string splitOn = "Id", int? commandTimeout = null, CommandType? commandType = null) => null;
                public static Task<IEnumerable<dynamic>> QueryAsync(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, CommandDefinition command) => null;
                public static IAsyncEnumerable<T> QueryUnbufferedAsync<T>(this DbConnection cnn, string sql, object param = null, DbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static T QueryFirstOrDefault<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => default;
                public static Task<T> QueryFirstOrDefaultAsync<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static Task<T> QuerySingleAsync<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static Task<int> ExecuteAsync(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
                public static Task<T> ExecuteScalarAsync<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null;
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            public abstract class DbSet<T> : IQueryable<T> where T : class
            {
                public System.Type ElementType => typeof(T);
                public System.Linq.Expressions.Expression Expression => null;
                public IQueryProvider Provider => null;
                public IEnumerator<T> GetEnumerator() => null;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
                public virtual ValueTask<T> FindAsync(params object[] keyValues) => default;
                public virtual void Add(T entity) { }
            }
            public class DbContext
            {
                public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => null;
                public virtual DbSet<TEntity> Set<TEntity>() where TEntity : class => null;
            }
            public static class EntityFrameworkQueryableExtensions
            {
                public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
                public static Task<T[]> ToArrayAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
                public static Task<T> FirstOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
                public static Task<T> SingleOrDefaultAsync<T>(this IQueryable<T> source, System.Linq.Expressions.Expression<System.Func<T, bool>> predicate, CancellationToken cancellationToken = default) => null;
                public static Task<int> CountAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
                public static IQueryable<T> AsNoTracking<T>(this IQueryable<T> source) where T : class => source;
                public static IAsyncEnumerable<T> AsAsyncEnumerable<T>(this IQueryable<T> source) => null;
                public static IQueryable<T> Include<T, TProperty>(this IQueryable<T> source, System.Linq.Expressions.Expression<System.Func<T, TProperty>> navigationPropertyPath) where T : class => source;
            }
        }
        """;
}

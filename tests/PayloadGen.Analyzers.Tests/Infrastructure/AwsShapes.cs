namespace PayloadGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The AWS types the analyzers recognise, declared with their real namespaces and members: the Amazon.Lambda.* and
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
        namespace Amazon.Lambda.S3Events { public class S3Event { } }
        namespace Amazon.Lambda.KinesisEvents { public class KinesisEvent { } }
        namespace Amazon.Lambda.DynamoDBEvents { public class DynamoDBEvent { } }
        namespace Amazon.Lambda.CloudWatchEvents { public class CloudWatchEvent<T> { public T Detail { get; set; } } }
        namespace Amazon.Lambda.CloudWatchEvents.ScheduledEvents { public class ScheduledEvent : Amazon.Lambda.CloudWatchEvents.CloudWatchEvent<object> { } }
        namespace Amazon.Lambda.APIGatewayEvents
        {
            public class APIGatewayProxyRequest { public string Body { get; set; } public string Path { get; set; } public System.Collections.Generic.IDictionary<string, string> QueryStringParameters { get; set; } }
            public class APIGatewayProxyResponse
            {
                public int StatusCode { get; set; }
                public System.Collections.Generic.IDictionary<string, string> Headers { get; set; }
                public string Body { get; set; }
                public bool IsBase64Encoded { get; set; }
            }
            public class APIGatewayHttpApiV2ProxyRequest { public string Body { get; set; } public string RawPath { get; set; } }
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
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class FromBodyAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class FromRouteAttribute : System.Attribute { }
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
            public interface IAmazonS3 { Task<GetObjectResponse> GetObjectAsync(string bucketName, string key, System.Threading.CancellationToken cancellationToken = default); }
        }
        namespace Amazon.S3.Model
        {
            public class GetObjectResponse : Amazon.Runtime.AmazonWebServiceResponse, System.IDisposable { public System.IO.Stream ResponseStream { get; set; } public long ContentLength { get; set; } public void Dispose() { } }
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
            }
        }
        namespace Amazon.DynamoDBv2.Model
        {
            using System.Collections.Generic;
            public class AttributeValue { public string S { get; set; } public string N { get; set; } }
            public class ScanRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string TableName { get; set; }
                public int Limit { get; set; }
                public Dictionary<string, AttributeValue> ExclusiveStartKey { get; set; }
            }
            public class ScanResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public List<Dictionary<string, AttributeValue>> Items { get; set; }
                public Dictionary<string, AttributeValue> LastEvaluatedKey { get; set; }
            }
            public class QueryRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
                public string TableName { get; set; }
                public int Limit { get; set; }
                public string KeyConditionExpression { get; set; }
                public Dictionary<string, AttributeValue> ExclusiveStartKey { get; set; }
            }
            public class QueryResponse : Amazon.Runtime.AmazonWebServiceResponse
            {
                public List<Dictionary<string, AttributeValue>> Items { get; set; }
                public Dictionary<string, AttributeValue> LastEvaluatedKey { get; set; }
            }
        }
        namespace Amazon.DynamoDBv2.DataModel
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            public class ScanCondition { }
            public class QueryConfig { public int? Limit { get; set; } }
            public interface IDynamoDBContext
            {
                AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions);
                AsyncSearch<T> QueryAsync<T>(object hashKeyValue);
                Task<T> LoadAsync<T>(object hashKey, CancellationToken cancellationToken = default);
            }
            public class AsyncSearch<T>
            {
                public Task<List<T>> GetRemainingAsync(CancellationToken cancellationToken = default) => null;
                public Task<List<T>> GetNextSetAsync(CancellationToken cancellationToken = default) => null;
                public bool IsDone { get; }
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
            }
            public class DbContext { }
            public static class EntityFrameworkQueryableExtensions
            {
                public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
                public static Task<T[]> ToArrayAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
                public static Task<T> FirstOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => null;
            }
        }
        """;
}

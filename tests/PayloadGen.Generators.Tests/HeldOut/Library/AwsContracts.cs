// The Amazon.Lambda.SQSEvents, Amazon.Lambda.SNSEvents and Amazon.Lambda.Annotations types the held-out handlers use,
// with their real names and members (the packages are not restorable here; PayloadGen recognises them by name).
#nullable disable

namespace Amazon.Lambda.SQSEvents
{
    using System.Collections.Generic;

    public class SQSEvent
    {
        public List<SQSMessage> Records { get; set; }

        public class MessageAttribute
        {
            public string StringValue { get; set; }
            public string DataType { get; set; }
        }

        public class SQSMessage
        {
            public string MessageId { get; set; }
            public string ReceiptHandle { get; set; }
            public string Body { get; set; }
            public string Md5OfBody { get; set; }
            public string EventSourceArn { get; set; }
            public string EventSource { get; set; }
            public string AwsRegion { get; set; }
            public Dictionary<string, string> Attributes { get; set; }
            public Dictionary<string, MessageAttribute> MessageAttributes { get; set; }
        }
    }

    public class SQSBatchResponse
    {
        public SQSBatchResponse() => BatchItemFailures = new List<BatchItemFailure>();

        public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

        public List<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}

namespace Amazon.Lambda.SNSEvents
{
    using System;
    using System.Collections.Generic;

    public class SNSEvent
    {
        public IList<SNSRecord> Records { get; set; }

        public class SNSRecord
        {
            public string EventSource { get; set; }
            public string EventSubscriptionArn { get; set; }
            public string EventVersion { get; set; }
            public SNSMessage Sns { get; set; }
        }

        public class SNSMessage
        {
            public string Message { get; set; }
            public string MessageId { get; set; }
            public string Subject { get; set; }
            public DateTime Timestamp { get; set; }
            public string TopicArn { get; set; }
            public string Type { get; set; }
        }
    }
}

namespace Amazon.Lambda.Annotations
{
    using System;

    [AttributeUsage(AttributeTargets.Method)]
    public class LambdaFunctionAttribute : Attribute
    {
        public string ResourceName { get; set; }
        public int Timeout { get; set; }
        public int MemorySize { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromBodyAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromRouteAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromServicesAttribute : Attribute { }

    namespace APIGateway
    {
        public enum LambdaHttpMethod { Any, Get, Post, Put, Patch, Delete }

        public enum HttpApiVersion { V1, V2 }

        [AttributeUsage(AttributeTargets.Method)]
        public class HttpApiAttribute : Attribute
        {
            public HttpApiAttribute(LambdaHttpMethod method, string template) { }

            public HttpApiVersion Version { get; set; }
        }

        [AttributeUsage(AttributeTargets.Method)]
        public class RestApiAttribute : Attribute
        {
            public RestApiAttribute(LambdaHttpMethod method, string template) { }
        }
    }
}

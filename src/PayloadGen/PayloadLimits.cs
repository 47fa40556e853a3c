namespace PayloadGen;

/// <summary>
/// The inline payload limits of AWS services (DESIGN §2, checked against the AWS documentation and announcements,
/// December 2026) and the default thresholds PayloadGen derives from them. The analyzers keep their own copy
/// (<c>SizeLimitOptions</c>, which cannot reference this assembly); a test pins the two together.
/// </summary>
public static class PayloadLimits
{
    /// <summary>Synchronous invoke request limit: 6 MB (6,291,456 bytes).</summary>
    public const long SyncRequestBytes = 6_291_456;

    /// <summary>Synchronous invoke response limit: 6,291,556 bytes.</summary>
    public const long SyncResponseBytes = 6_291_556;

    /// <summary>Asynchronous invoke request limit: 1 MB (256 KB until October 2025).</summary>
    public const long AsyncRequestBytes = 1_048_576;

    /// <summary>SQS message limit, body plus attributes: 1 MiB (256 KiB until August 2025).</summary>
    public const long SqsMessageBytes = 1_048_576;

    /// <summary>
    /// SNS message limit by default: 256 KiB. The limit is per topic: a topic whose maximum message size was raised
    /// (opt-in, since September 2026) takes up to <see cref="SnsRaisedMessageBytes"/>, so senders take it from
    /// configuration (<see cref="MessageOffloadOptions.ForSnsTopic"/>) and the analyzers from
    /// <c>payloadgen.limit.sns</c>.
    /// </summary>
    public const long SnsMessageBytes = 262_144;

    /// <summary>The largest maximum message size an SNS topic can be raised to: 1 MiB.</summary>
    public const long SnsRaisedMessageBytes = 1_048_576;

    /// <summary>EventBridge <c>PutEvents</c> entry limit: 1 MB (256 KB until January 2026).</summary>
    public const long EventBridgeEntryBytes = 1_048_576;

    /// <summary>Application Load Balancer → Lambda limit, request and response alike: 1 MB.</summary>
    public const long AlbBytes = 1_048_576;

    /// <summary>Response streaming limit: 200 MB (the request is still capped at <see cref="SyncRequestBytes"/>).</summary>
    public const long StreamingResponseBytes = 209_715_200;

    /// <summary>Step Functions state limit: 256 KiB.</summary>
    public const long StepFunctionsStateBytes = 262_144;

    /// <summary>
    /// Head-room kept below a service limit by the default thresholds: the limit counts bytes PayloadGen does not
    /// write itself (SQS attributes, API Gateway's envelope), and an offload costs far less than a rejected call.
    /// </summary>
    public const long SafetyMarginBytes = 64 * 1024;

    /// <summary>Default largest payload PayloadGen will hydrate from the store: 256 MiB.</summary>
    public const long DefaultMaxPayloadBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Default largest item of an <c>IAsyncEnumerable&lt;T&gt;</c> request, in bytes of JSON read for it: 64 MiB, the
    /// memory a streamed request is meant to add at most (each item is held whole while it is read).
    /// </summary>
    public const long DefaultMaxItemBytes = 64L * 1024 * 1024;

    /// <summary>The service limit of a response (or message) travelling through <paramref name="source"/>.</summary>
    public static long InlineLimit(PayloadSource source) => source switch
    {
        PayloadSource.AsyncInvoke => AsyncRequestBytes,
        PayloadSource.StepFunctions => StepFunctionsStateBytes,
        PayloadSource.Sqs => SqsMessageBytes,
        PayloadSource.Sns => SnsMessageBytes,
        PayloadSource.ApplicationLoadBalancer => AlbBytes,
        _ => SyncResponseBytes,
    };

    /// <summary>The default inline threshold of <paramref name="source"/>: its limit minus a margin.</summary>
    public static long DefaultInlineThreshold(PayloadSource source)
    {
        long limit = InlineLimit(source);
        // Small limits keep a proportional margin so the threshold never collapses towards zero.
        long margin = System.Math.Min(SafetyMarginBytes, limit / 16);
        return limit - margin;
    }
}

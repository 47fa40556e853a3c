using System;

namespace PayloadGen;

/// <summary>
/// Generates a claim-check wrapper around a Lambda handler method: requests that arrive as a pointer to a
/// stored payload are hydrated before the method runs, and responses too large for the invocation path are
/// stored and returned as a pointer.
/// </summary>
/// <remarks>
/// The containing type (and every type that contains it) must be <c>partial</c>. The generator adds a method
/// named <c>{Method}ClaimCheck</c> taking the raw payload as a <see cref="System.IO.Stream"/>, and a constant
/// <c>{Method}ClaimCheckHandler</c> holding its Lambda handler string (<c>Assembly::Namespace.Type::Method</c>).
/// Deploy that handler string, not the annotated method.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ClaimCheckAttribute : Attribute
{
    /// <summary>
    /// How the function is invoked; decides the inline limit and, for queues, the generated batch loop. A handler
    /// returning an API Gateway or ALB proxy response gets its HTTP source from that type when this is left unset.
    /// </summary>
    public PayloadSource Source { get; set; } = PayloadSource.Direct;

    /// <summary>
    /// A <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> type whose metadata serializes the
    /// request and response (required for Native AOT). When unset, options matching Lambda's default
    /// System.Text.Json serializer are used.
    /// </summary>
    public Type? JsonContext { get; set; }

    /// <summary>
    /// Largest response, in bytes, that is returned inline; larger ones are stored and returned as a pointer.
    /// Zero (the default) takes <c>PAYLOADGEN_INLINE_THRESHOLD_BYTES</c> or the source's limit minus a margin
    /// (see <see cref="PayloadLimits"/>).
    /// </summary>
    public long InlineThresholdBytes { get; set; }

    /// <summary>
    /// For <see cref="PayloadSource.Sqs"/> and <see cref="PayloadSource.Sns"/>: how many records of a batch are
    /// processed at once. Zero or one (the default) processes them one after the other; records of one FIFO
    /// message group always run in order.
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>
    /// HTTP handlers (those returning an API Gateway or ALB proxy response): how to answer when the body was stored
    /// because it was over the limit — <see cref="HttpOffloadAnswer.SeeOther"/> (303),
    /// <see cref="HttpOffloadAnswer.TemporaryRedirect"/> (307) or <see cref="HttpOffloadAnswer.Json"/>.
    /// <see cref="HttpOffloadAnswer.Default"/> takes <c>PAYLOADGEN_HTTP_ANSWER</c> (303 unless set).
    /// </summary>
    public HttpOffloadAnswer HttpAnswer { get; set; }

    /// <summary>
    /// HTTP handlers: how long, in seconds, the presigned URL of a stored body stays valid (1 to 604800). Zero takes
    /// <c>PAYLOADGEN_PRESIGN_SECONDS</c>, or 15 minutes. The URL is a bearer token: keep it short.
    /// </summary>
    public int PresignSeconds { get; set; }
}

using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PayloadGen.Generators.Diagnostics;

/// <summary>
/// The per-path byte limits the size rules compare against, read from <c>.editorconfig</c> with the service
/// limits of DESIGN §2 as defaults. Values are bytes, optionally with a <c>KB</c>/<c>KiB</c> (1,024) or
/// <c>MB</c>/<c>MiB</c> (1,048,576) suffix, as AWS documents its limits.
/// </summary>
internal sealed class SizeLimitOptions
{
    public const string SyncKey = "payloadgen.limit.sync";
    public const string AlbKey = "payloadgen.limit.alb";
    public const string AsyncKey = "payloadgen.limit.async";
    public const string SqsKey = "payloadgen.limit.sqs";
    public const string SnsKey = "payloadgen.limit.sns";
    public const string StepFunctionsKey = "payloadgen.limit.stepfunctions";
    public const string EventBridgeKey = "payloadgen.limit.eventbridge";

    /// <summary>Every key this class reads; each size rule's page documents all of them.</summary>
    public static readonly ImmutableArray<string> AllKeys =
        ImmutableArray.Create(SyncKey, AlbKey, AsyncKey, SqsKey, SnsKey, StepFunctionsKey, EventBridgeKey);

    public const long SyncRequestBytes = 6_291_456;
    public const long SyncResponseBytes = 6_291_556;
    public const long AlbBytes = 1_048_576;
    public const long AsyncBytes = 1_048_576;
    public const long SqsBytes = 1_048_576;
    public const long SnsBytes = 262_144;
    public const long StepFunctionsBytes = 262_144;
    public const long EventBridgeBytes = 1_048_576;

    private readonly long? _sync;
    private readonly long _alb;
    private readonly long _async;
    private readonly long _sqs;
    private readonly long _sns;
    private readonly long _stepFunctions;
    private readonly long _eventBridge;

    private SizeLimitOptions(AnalyzerConfigOptions options)
    {
        _sync = Read(options, SyncKey);
        // ALB refuses more than 1 MB whatever a project says: the option can only lower it.
        _alb = System.Math.Min(Read(options, AlbKey) ?? AlbBytes, AlbBytes);
        _async = Read(options, AsyncKey) ?? AsyncBytes;
        _sqs = Read(options, SqsKey) ?? SqsBytes;
        _sns = Read(options, SnsKey) ?? SnsBytes;
        _stepFunctions = Read(options, StepFunctionsKey) ?? StepFunctionsBytes;
        _eventBridge = Read(options, EventBridgeKey) ?? EventBridgeBytes;
    }

    public static SizeLimitOptions From(AnalyzerConfigOptions options) => new(options);

    /// <summary>The response limit of <paramref name="path"/>, or null where the response goes nowhere.</summary>
    public long? ResponseLimit(InvocationPath path) => path switch
    {
        InvocationPath.Sync or InvocationPath.ApiGateway => _sync ?? SyncResponseBytes,
        InvocationPath.Alb => _alb,
        InvocationPath.StepFunctions => _stepFunctions,
        _ => null,
    };

    /// <summary>The request (or message) limit of <paramref name="path"/>.</summary>
    public long RequestLimit(InvocationPath path) => path switch
    {
        InvocationPath.Alb => _alb,
        InvocationPath.AsyncInvoke => _async,
        InvocationPath.Sqs => _sqs,
        InvocationPath.Sns => _sns,
        InvocationPath.StepFunctions => _stepFunctions,
        InvocationPath.EventBridge => _eventBridge,
        _ => _sync ?? SyncRequestBytes,
    };

    /// <summary>Parses a limit; null for a missing or malformed value, so the default stays in force.</summary>
    internal static long? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string value = text.Trim().Replace("_", string.Empty).Replace(",", string.Empty);
        long multiplier = 1;
        if (TryStripSuffix(ref value, "KiB") || TryStripSuffix(ref value, "KB"))
        {
            multiplier = 1024;
        }
        else if (TryStripSuffix(ref value, "MiB") || TryStripSuffix(ref value, "MB"))
        {
            multiplier = 1024 * 1024;
        }

        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number <= 0)
        {
            return null;
        }

        return number > long.MaxValue / multiplier ? null : number * multiplier;
    }

    private static long? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) ? Parse(value) : null;

    private static bool TryStripSuffix(ref string value, string suffix)
    {
        if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            value = value.Substring(0, value.Length - suffix.Length);
            return true;
        }

        return false;
    }
}

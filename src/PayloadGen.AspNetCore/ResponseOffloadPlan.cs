using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PayloadGen.AspNetCore;

/// <summary>
/// Where one response's body would be stored and from what size: the runtime, the event source and its threshold,
/// worked out once per response when its body first needs them, so the decision taken while the body is written (to
/// start storing it) and the one taken at its end (to pass it through or store it) use the same figures.
/// </summary>
internal sealed class ResponseOffloadPlan
{
    private readonly HttpContext _context;
    private readonly ClaimCheckMiddlewareOptions _options;
    private ClaimCheckRuntime? _runtime;
    private PayloadSource _source;
    private long _threshold = -1;

    public ResponseOffloadPlan(HttpContext context, ClaimCheckMiddlewareOptions options)
    {
        _context = context;
        _options = options;
    }

    /// <summary>The runtime whose store receives the body.</summary>
    public ClaimCheckRuntime Runtime
    {
        get
        {
            Resolve();
            return _runtime!;
        }
    }

    /// <summary>The HTTP event source the response travels through.</summary>
    public PayloadSource Source
    {
        get
        {
            Resolve();
            return _source;
        }
    }

    /// <summary>The longest body (as Lambda counts it) that passes through.</summary>
    public long Threshold
    {
        get
        {
            Resolve();
            return _threshold;
        }
    }

    /// <summary>
    /// Whether a response over the threshold may be stored: 2xx other than 206 (an error body this large is a bug to
    /// fix, not a payload to store; a range answer is not the resource a redirect would point to), and not a HEAD
    /// answer, whose body the server drops whatever the handler wrote.
    /// </summary>
    public bool MayStore => IsStorableStatus(_context.Response.StatusCode) && !HttpMethods.IsHead(_context.Request.Method);

    /// <summary>Whether a response with <paramref name="status"/> may be stored.</summary>
    public static bool IsStorableStatus(int status) => status is >= 200 and <= 299 && status != StatusCodes.Status206PartialContent;

    private void Resolve()
    {
        if (_runtime is not null)
        {
            return;
        }

        _source = _options.EventSource ?? LambdaRequestSource.Detect(_context) ?? LambdaRequestSource.Fallback;
        // Cheap: the runtime is created once per process, and its S3 client only when something is stored.
        ClaimCheckRuntime runtime = _options.Runtime
            ?? _context.RequestServices?.GetService<ClaimCheckRuntime>()
            ?? ClaimCheckRuntime.Default;
        // The same rule as a [ClaimCheck] proxy-response handler's, never above the source's hard limit.
        _threshold = runtime.HttpInlineThreshold(_source, _options.ThresholdBytes ?? 0);
        _runtime = runtime;
    }
}

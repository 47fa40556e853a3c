using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// <c>--diagnose timeline</c>: when each S3 request of the measured operation started and ended, on the operation's
/// clock, for the baseline and PayloadGen alike. It answers what a time ratio cannot: how long the server waited for
/// the first byte, whether parts overlapped, how long the completion took.
/// </summary>
/// <remarks>
/// The client's HTTP stack is built here (a <see cref="SocketsHttpHandler"/> behind a recording handler) instead of by
/// the SDK, which changes its connection settings a little: for diagnosis only, never for the table's figures.
/// </remarks>
public sealed class RequestTimeline : HttpClientFactory
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private Stopwatch? _clock;

    public static bool Requested => AllocationProfile.Requested("timeline");

    /// <summary>Starts the operation's clock and forgets the warm-up's requests.</summary>
    public void Start()
    {
        _entries.Clear();
        _clock = Stopwatch.StartNew();
    }

    /// <summary>Marks the end of the operation on the same clock.</summary>
    public TimeSpan Stop()
    {
        TimeSpan elapsed = _clock!.Elapsed;
        _clock = null;
        return elapsed;
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        => new(new Recorder(this, new SocketsHttpHandler { MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer ?? int.MaxValue }))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    /// <summary>One line per request, in the order they started: start, end (ms), what it was, its body's length.</summary>
    public string Render(string title, TimeSpan total)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"timeline [{title}], operation {total.TotalMilliseconds:0.0} ms:\n");
        foreach (Entry entry in _entries.OrderBy(entry => entry.Start))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {entry.Start.TotalMilliseconds,8:0.0} → {entry.End.TotalMilliseconds,8:0.0} ms  ({(entry.End - entry.Start).TotalMilliseconds,6:0.0})  {entry.What}{(entry.Bytes > 0 ? $", {entry.Bytes / 1048576.0:0.00} MiB" : string.Empty)}\n");
        }

        return text.ToString();
    }

    private static string Describe(HttpRequestMessage request)
    {
        string query = request.RequestUri?.Query ?? string.Empty;
        return request.Method.Method + " " + (query.Contains("partNumber=", StringComparison.Ordinal)
            ? "part " + query.Split('&').First(pair => pair.Contains("partNumber=", StringComparison.Ordinal)).Split('=')[1]
            : query.Contains("uploads", StringComparison.Ordinal) ? "create upload"
            : query.Contains("uploadId", StringComparison.Ordinal) ? (request.Method == HttpMethod.Post ? "complete upload" : "abort upload")
            : "object");
    }

    private sealed record Entry(TimeSpan Start, TimeSpan End, string What, long Bytes);

    private sealed class Recorder(RequestTimeline timeline, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Stopwatch? clock = timeline._clock;
            TimeSpan start = clock?.Elapsed ?? default;
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (clock is not null)
            {
                timeline._entries.Enqueue(new Entry(start, clock.Elapsed, Describe(request), request.Content?.Headers.ContentLength ?? 0));
            }

            return response;
        }
    }
}

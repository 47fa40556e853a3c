using System.Collections.Concurrent;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Tests.Handlers;

/// <summary>Handlers whose tests inject a runtime of their own (the injection point is per class).</summary>
public static partial class InlineOnlyHandlers
{
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    /// <summary>What <see cref="Import"/> received, in order.</summary>
    public static ConcurrentQueue<string> Imported { get; } = new();

    [ClaimCheck]
    public static Task<Report> Echo(Report request, ILambdaContext context) => Task.FromResult(request);

    /// <summary>A nullable payload parameter: JSON null arrives as null.</summary>
    [ClaimCheck]
    public static string Describe(Report? request) => request is null ? "received null" : "received " + request.Title;

    /// <summary>A non-nullable message: a record whose body is JSON null fails alone.</summary>
    [ClaimCheck(Source = PayloadSource.Sqs)]
    public static void Import(Report report) => Imported.Enqueue(report.Title);
}

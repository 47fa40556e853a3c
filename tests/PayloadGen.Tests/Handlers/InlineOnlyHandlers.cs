using System.Threading.Tasks;
using Amazon.Lambda.Core;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Tests.Handlers;

/// <summary>A handler whose tests inject a runtime of their own (the injection point is per class).</summary>
public static partial class InlineOnlyHandlers
{
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    [ClaimCheck]
    public static Task<Report> Echo(Report request, ILambdaContext context) => Task.FromResult(request);
}

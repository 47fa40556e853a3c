// An executable handler (top-level statements), as `dotnet new lambda.CustomRuntimeFunction` and Native AOT
// functions write it: the bootstrap would call the generated wrapper.
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using PayloadGen;

Console.WriteLine(Program.ConvertClaimCheckHandler);
Console.WriteLine(Tools.Functions.HashClaimCheckHandler);

// expect: PG0002 -- a local function of the top-level statements (README: "not a local function")
[ClaimCheck]
static string Upper(string text) => text.ToUpperInvariant();

Console.WriteLine(Upper("x"));
await Task.CompletedTask;

public sealed record Conversion(string From, string To, decimal Amount);

public partial class Program
{
    // expect: wrap -- a static method of the top-level statements' own Program class (declared partial)
    [ClaimCheck]
    public static Task<Conversion> Convert(Conversion request, ILambdaContext context, CancellationToken cancellationToken)
        => Task.FromResult(request with { Amount = request.Amount * 2 });
}

namespace Tools
{
    public static partial class Functions
    {
        // expect: wrap -- a static class in a namespace next to the top-level statements
        [ClaimCheck]
        public static string Hash(string text) => System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

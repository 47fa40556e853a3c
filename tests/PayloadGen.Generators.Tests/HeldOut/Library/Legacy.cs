// Older code: nullable annotations off for a region, inheritance from abstract and sealed bases, records as handler
// types, private and internal handlers, a void warm-up, overloads of which one is marked.
namespace Legacy.Functions
{
#nullable disable
    public class LegacyRequest
    {
        public string Customer { get; set; }
        public List<string> Items { get; set; }
    }

    public class LegacyReport
    {
        public string Customer { get; set; }
        public int Count { get; set; }
        public string Comment { get; set; }
    }

    public partial class LegacyFunctions
    {
        public static ClaimCheckRuntime ClaimCheckRuntime { get; set; }

        // expect: wrap -- oblivious request and response types in a #nullable disable region
        [ClaimCheck]
        public Task<LegacyReport> Run(LegacyRequest request, ILambdaContext context)
            => Task.FromResult(new LegacyReport { Customer = request.Customer, Count = request.Items == null ? 0 : request.Items.Count });

        // expect: wrap -- oblivious string in and out
        [ClaimCheck]
        public static string Greet(string name) => "Hello " + name;
    }
#nullable restore

    public abstract class FunctionBase
    {
        public abstract Task<LegacyReport> Handle(LegacyRequest request, ILambdaContext context);

        // expect: PG0001 PG0003 -- FunctionBase is not partial (PG0003 as well, for an abstract class, per its rule page:
        // missing from the verdict written before the first run, corrected after it)
        [ClaimCheck]
        public virtual LegacyReport Describe(LegacyRequest request) => new() { Customer = request.Customer };
    }

    public sealed partial class ReportFunction : FunctionBase
    {
        // expect: wrap -- an override in a sealed class
        [ClaimCheck]
        public override Task<LegacyReport> Handle(LegacyRequest request, ILambdaContext context)
            => Task.FromResult(new LegacyReport { Customer = request.Customer, Comment = context.FunctionName });
    }

    public abstract partial class AuditedFunction
    {
        // expect: wrap PG0003 -- instance handler of an abstract class: Lambda cannot create it
        [ClaimCheck]
        public virtual Task Audit(LegacyRequest request) => Task.CompletedTask;
    }

    public partial record BillingFunctions(string Currency)
    {
        // expect: wrap PG0003 -- a positional record has no parameterless constructor
        [ClaimCheck]
        public decimal Total(decimal[] amounts) => amounts.Sum();
    }

    public partial record class StatelessFunctions
    {
        // expect: wrap -- a record class without parameters
        [ClaimCheck]
        public decimal Total(decimal[] amounts) => amounts.Sum();
    }

    internal partial class InternalFunctions
    {
        // expect: wrap -- private handler of an internal class (the wrapper is the public entry point)
        [ClaimCheck]
        private Task<LegacyReport> Build(LegacyRequest request) => Task.FromResult(new LegacyReport { Customer = request.Customer });

        // expect: wrap -- void without payload (a warm-up ping), static
        [ClaimCheck]
        internal static void Warmup() { }

        // expect: PG0002 -- async void
        [ClaimCheck]
        public async void Fire(LegacyRequest request) => await Task.Delay(request.Customer.Length);

        // expect: wrap -- one marked overload among unmarked ones
        [ClaimCheck]
        public LegacyReport Summarize(LegacyRequest request) => Summarize(request, draft: false);

        public LegacyReport Summarize(LegacyRequest request, bool draft) => new() { Customer = request.Customer, Comment = draft ? "draft" : "final" };

        // expect: wrap -- ValueTask without response, token only
        [ClaimCheck(Source = PayloadSource.StepFunctions)]
        public static ValueTask Tick(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested ? ValueTask.CompletedTask : default;

        // expect: wrap -- Task<int?> response, nullable string request
        [ClaimCheck]
        public static Task<int?> Length(string? text) => Task.FromResult(text?.Length);
    }
}

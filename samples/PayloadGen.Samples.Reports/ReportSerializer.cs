using PayloadGen;

namespace Reports;

/// <summary>
/// The claim check for handlers no <c>[ClaimCheck]</c> wrapper can reach: name it in
/// <c>[assembly: LambdaSerializer(typeof(ReportSerializer))]</c> (Amazon.Lambda.Annotations and classic handlers) or
/// pass it to <c>LambdaBootstrapBuilder.Create(handler, new ReportSerializer())</c> (executable handlers).
/// </summary>
[ClaimCheckSerializer]
public sealed partial class ReportSerializer;

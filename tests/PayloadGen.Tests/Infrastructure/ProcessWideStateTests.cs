using Xunit;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// Tests that change state the whole process shares — standard error, the AWS SDK's clock correction — so nothing
/// else may run beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateTests
{
    public const string Name = "Process-wide state";
}

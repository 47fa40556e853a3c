using Xunit;

namespace PayloadGen.Tests.Handlers;

/// <summary>Tests that set <see cref="InlineOnlyHandlers.ClaimCheckRuntime"/> (one static for the class) run one at a time.</summary>
[CollectionDefinition(nameof(InlineOnlyHandlers))]
public sealed class InlineOnlyHandlersTestGroup
{
}

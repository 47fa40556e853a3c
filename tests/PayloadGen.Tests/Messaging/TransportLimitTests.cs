using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Messaging;

/// <summary>
/// Limits that changed: an SNS topic's limit is configuration (256 KiB by default, up to 1 MiB when raised), and an
/// EventBridge entry takes 1 MB. The numbers are DESIGN §2's; the analyzers' copy is pinned to these elsewhere.
/// </summary>
public sealed class TransportLimitTests
{
    private const int ThreeHundredKilobytes = 300 * 1024;

    private readonly MemoryPayloadStore _store = new();
    private readonly ClaimCheckRuntime _runtime;

    public TransportLimitTests() => _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = MemoryPayloadStore.BucketName }, _store);

    [Fact]
    public void The_limits_are_those_of_DESIGN_section_2()
    {
        Assert.Equal((6_291_456L, 6_291_556L), (PayloadLimits.SyncRequestBytes, PayloadLimits.SyncResponseBytes));
        Assert.Equal(1_048_576L, PayloadLimits.AsyncRequestBytes);
        Assert.Equal(1_048_576L, PayloadLimits.SqsMessageBytes);
        Assert.Equal((262_144L, 1_048_576L), (PayloadLimits.SnsMessageBytes, PayloadLimits.SnsRaisedMessageBytes));
        Assert.Equal(1_048_576L, PayloadLimits.EventBridgeEntryBytes);
        Assert.Equal(262_144L, PayloadLimits.StepFunctionsStateBytes);
        Assert.Equal(1_048_576L, PayloadLimits.AlbBytes);
        Assert.Equal(200L * 1024 * 1024, PayloadLimits.StreamingResponseBytes);
    }

    [Fact]
    public async Task A_default_SNS_topic_offloads_a_300_KiB_message()
    {
        OutgoingMessage message = await new ClaimCheckMessageOffloader(_runtime, MessageOffloadOptions.ForSnsTopic()).PrepareAsync(new string('x', ThreeHundredKilobytes), null, CancellationToken.None);

        Assert.True(message.IsOffloaded);
        Assert.Single(_store.Objects);
    }

    [Fact]
    public async Task A_topic_raised_to_1_MiB_sends_the_same_message_inline()
    {
        OutgoingMessage message = await new ClaimCheckMessageOffloader(_runtime, MessageOffloadOptions.ForSnsTopic(PayloadLimits.SnsRaisedMessageBytes)).PrepareAsync(new string('x', ThreeHundredKilobytes), null, CancellationToken.None);

        Assert.False(message.IsOffloaded);
        Assert.Empty(_store.Objects);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_048_577)]
    public void A_topic_limit_SNS_cannot_have_is_refused(long bytes)
        => Assert.Throws<ArgumentOutOfRangeException>(() => MessageOffloadOptions.ForSnsTopic(bytes));

    [Fact]
    public async Task An_EventBridge_entry_keeps_900_KiB_inline_and_offloads_over_1_MB_as_a_PayloadGen_pointer()
    {
        var offloader = new ClaimCheckMessageOffloader(_runtime, MessageOffloadOptions.ForEventBridge(reservedBytes: 1024));

        OutgoingMessage inline = await offloader.PrepareAsync(new string('x', 900 * 1024), null, CancellationToken.None);
        OutgoingMessage offloaded = await offloader.PrepareAsync(new string('x', 1_048_576), null, CancellationToken.None);

        Assert.False(inline.IsOffloaded);
        Assert.True(offloaded.IsOffloaded);
        Assert.StartsWith("{\"$payloadgen\"", offloaded.Body, StringComparison.Ordinal);
        Assert.Empty(offloaded.AddedAttributes);
    }
}

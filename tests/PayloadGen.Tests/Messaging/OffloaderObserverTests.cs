using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Messaging;

public sealed class OffloaderObserverTests : System.IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Offloaded_message_is_reported_to_the_observer_and_inline_ones_are_not()
    {
        var events = new List<ClaimCheckEvent>();
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Observer = new Recorder(events) }, new FilePayloadStore(_directory.Path));
        var offloader = new ClaimCheckMessageOffloader(runtime, new MessageOffloadOptions { ThresholdBytes = 100 });

        await offloader.PrepareAsync("small", null, CancellationToken.None);
        OutgoingMessage large = await offloader.PrepareAsync(new string('x', 500), null, CancellationToken.None);

        ClaimCheckEvent reported = Assert.Single(events);
        Assert.Equal(PayloadDirection.Dehydrated, reported.Direction);
        Assert.Equal(500, reported.Bytes);
        Assert.Equal(large.Pointer, reported.Pointer);
    }

    private sealed class Recorder : IClaimCheckObserver
    {
        private readonly List<ClaimCheckEvent> _events;

        public Recorder(List<ClaimCheckEvent> events) => _events = events;

        public void OnPayload(ClaimCheckEvent payloadEvent) => _events.Add(payloadEvent);
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// A presigned URL is a bearer token: it is signed for the lifetime asked, never longer, whatever correction the S3
/// client applies to its clock. The client signs against its skew-corrected clock and corrects it from every
/// response's whole-second <c>Date</c> header; an expiry measured from the machine's clock was signed for the lifetime
/// plus that correction (901 s for 900 after a response that set it back 0.7 s, 20 minutes for 15 against a server
/// 5 minutes behind).
/// </summary>
[Collection(ProcessWideStateTests.Name)]
public sealed class PresignedUrlClockTests : IDisposable
{
    private readonly TimeSpan? _previousCorrection = AWSConfigs.ManualClockCorrection;
    private readonly AmazonS3Client _client = new(
        new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        new AmazonS3Config { ServiceURL = "http://127.0.0.1:9", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public void Dispose()
    {
        AWSConfigs.ManualClockCorrection = _previousCorrection;
        _client.Dispose();
    }

    public static TheoryData<double> Corrections => new() { 0, -0.7, -0.4, 0.6, -300, 300 };

    [Theory]
    [MemberData(nameof(Corrections))]
    public async Task A_read_URL_is_signed_for_the_lifetime_whatever_the_clients_clock_correction(double correctionSeconds)
    {
        AWSConfigs.ManualClockCorrection = TimeSpan.FromSeconds(correctionSeconds);

        string url = await Store().PresignReadAsync(new PayloadPointer("payloads", "payloadgen/responses/a.json"), TimeSpan.FromMinutes(15), CancellationToken.None);

        PresignedLifetime.AssertSignedFor(url, 900);
    }

    [Theory]
    [MemberData(nameof(Corrections))]
    public async Task An_upload_URL_is_signed_for_the_lifetime_whatever_the_clients_clock_correction(double correctionSeconds)
    {
        AWSConfigs.ManualClockCorrection = TimeSpan.FromSeconds(correctionSeconds);
        var description = new PayloadDescription { Direction = OffloadDirection.Request, Source = PayloadSource.Direct, ContentType = "application/json" };

        PresignedUpload upload = await Store().PresignWriteAsync("payloadgen/uploads/a.json", description, TimeSpan.FromSeconds(60), CancellationToken.None);

        PresignedLifetime.AssertSignedFor(upload.Url, 60);
    }

    private S3PayloadStore Store() => new(_client, new S3PayloadStoreOptions { Bucket = "payloads" });
}

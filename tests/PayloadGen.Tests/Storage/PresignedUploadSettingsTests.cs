using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// A presigned upload carries the same encryption, storage class and tags as PayloadGen's own uploads: the settings
/// are bound into the signature, so an uploader that leaves them out is refused by S3.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class PresignedUploadSettingsTests : IDisposable
{
    private static readonly S3ObjectSettings Settings = new()
    {
        Encryption = PayloadEncryption.Kms,
        KmsKeyId = "alias/payloads",
        StorageClass = "STANDARD_IA",
        Tags = [new("team", "payments")],
    };

    private static readonly PayloadDescription Upload = new() { Direction = OffloadDirection.Request, Source = PayloadSource.Direct, ContentType = "text/csv" };

    private readonly S3rverFixture _s3;
    private readonly AmazonS3Client _client;

    public PresignedUploadSettingsTests(S3rverFixture s3)
    {
        _s3 = s3;
        _client = s3.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task An_upload_that_sends_the_headers_is_accepted_and_the_object_keeps_the_storage_class()
    {
        string key = "payloadgen/uploads/" + Guid.NewGuid().ToString("N") + ".csv";
        string url = await PresignAsync(key);

        using HttpResponseMessage response = await PutAsync(url, Settings.UploadHeaders(Upload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        GetObjectMetadataResponse stored = await _client.GetObjectMetadataAsync(S3rverFixture.Bucket, key);
        Assert.Equal(S3StorageClass.StandardInfrequentAccess, stored.StorageClass);
    }

    [Fact]
    public async Task Every_setting_is_a_signed_header_of_the_URL_so_S3_refuses_an_upload_without_it()
    {
        // s3rver does not check SigV4 signatures, so what S3 enforces is shown by what the URL signs: a signed header
        // that is missing or different makes S3 answer 403 SignatureDoesNotMatch.
        string url = await PresignAsync("payloadgen/uploads/" + Guid.NewGuid().ToString("N") + ".csv");

        string signed = Uri.UnescapeDataString(new Uri(url).Query.Split('&').Single(part => part.Contains("X-Amz-SignedHeaders=", StringComparison.Ordinal)).Split('=')[1]);

        Assert.Equal(
            ["content-type", "host", .. Settings.UploadHeaders(Upload).Keys.Select(name => name.ToLowerInvariant()).Order(StringComparer.Ordinal)],
            signed.Split(';'));
    }

    private Task<string> PresignAsync(string key)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = S3rverFixture.Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            ContentType = Upload.ContentType,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        };
        Settings.ApplyTo(request, Upload);
        return _client.GetPreSignedURLAsync(request);
    }

    private static async Task<HttpResponseMessage> PutAsync(string url, IEnumerable<KeyValuePair<string, string>> headers)
    {
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent("a,b\n1,2\n"u8.ToArray()) };
        put.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        foreach ((string name, string value) in headers)
        {
            put.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(put);
    }
}

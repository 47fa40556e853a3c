using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// A file store that "presigns" by naming the object in a URL, so compile-and-run tests can check what an HTTP
/// wrapper answers without S3 (the runtime tests follow real presigned URLs on s3rver).
/// </summary>
internal sealed class PresigningFileStore(FilePayloadStore files) : IPresigningPayloadStore
{
    public const string Host = "https://files.test/";

    public string Bucket => files.Bucket;

    public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => files.WriteAsync(write, cancellationToken);

    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => files.OpenReadAsync(pointer, maxBytes, cancellationToken);

    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => files.DeleteAsync(pointer, cancellationToken);

    public Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken)
        => Task.FromResult(Host + pointer.Bucket + "/" + pointer.Key + "?expires=" + (int)lifetime.TotalSeconds);

    public Task<PresignedUpload> PresignWriteAsync(string key, PayloadDescription description, TimeSpan lifetime, CancellationToken cancellationToken)
        => Task.FromResult(new PresignedUpload(
            Host + Bucket + "/" + key + "?put&expires=" + (int)lifetime.TotalSeconds,
            new System.Collections.Generic.Dictionary<string, string> { ["Content-Type"] = description.ContentType }));
}

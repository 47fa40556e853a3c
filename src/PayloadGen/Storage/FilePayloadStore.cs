using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// The embedded local store: payloads are files under <c>{root}/{bucket}/{key}</c>. For local runs, tests and the
/// demo; zero setup. Writes are atomic (a temporary file renamed into place), and no key resolves outside the root.
/// </summary>
public sealed class FilePayloadStore : IStreamingPayloadStore
{
    /// <summary>The bucket name pointers carry when none is configured.</summary>
    public const string DefaultBucket = "local";

    private readonly string _root;

    /// <summary>Creates a store rooted at <paramref name="rootDirectory"/>, created when missing.</summary>
    /// <param name="rootDirectory">The folder holding the store's buckets.</param>
    /// <param name="bucket">The bucket written to; <see cref="DefaultBucket"/> when omitted.</param>
    /// <param name="partSizeBytes">The part size of streamed writes (at least 64 KiB); 5 MiB by default, as for S3.</param>
    public FilePayloadStore(string rootDirectory, string? bucket = null, long partSizeBytes = DefaultPartSizeBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSizeBytes, 64 * 1024);
        _root = Path.GetFullPath(rootDirectory);
        Bucket = string.IsNullOrEmpty(bucket) ? DefaultBucket : bucket;
        PartSizeBytes = partSizeBytes;
    }

    /// <summary>The part size of streamed writes unless the constructor says otherwise.</summary>
    public const long DefaultPartSizeBytes = 5L * 1024 * 1024;

    /// <inheritdoc />
    public long PartSizeBytes { get; }

    /// <inheritdoc />
    public int MaxConcurrentParts => 2;

    /// <inheritdoc />
    public string Bucket { get; }

    /// <summary>The folder holding the store's buckets.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public async Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        string path = PathOf(Bucket, write.Key);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                foreach (ReadOnlyMemory<byte> segment in write.Content)
                {
                    await file.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex)
        {
            DeleteQuietly(temporary);
            if (ex is IOException or UnauthorizedAccessException)
            {
                // A full disk, a read-only folder, a file where a folder should be. The key is one PayloadGen
                // made, so the file system's message (which quotes the path) may ride along.
                throw new PayloadStoreException("write", Bucket, write.Key, $"the file store failed ({ex.GetType().Name}).", ex);
            }

            throw;
        }

        return write.PointerIn(Bucket);
    }

    /// <inheritdoc />
    public Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(description);
        cancellationToken.ThrowIfCancellationRequested();
        string path = PathOf(Bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult<IPayloadUpload>(new FilePayloadUpload(Bucket, key, path, description.ContentType));
    }

    /// <inheritdoc />
    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        cancellationToken.ThrowIfCancellationRequested();
        string path = PathOf(pointer.Bucket, pointer.Key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not attached: the file system's message quotes the full path, the sender's key raw, into logs.
            throw new PayloadNotFoundException(pointer.Bucket, pointer.Key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A name the file system cannot hold (too long), a folder where a file was expected, or no permission.
            throw Failure("open", pointer, ex);
        }

        try
        {
            StoredPayload.CheckLength(pointer, file.Length, maxBytes);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return Task.FromResult(new StoredPayload(file, file.Length));
    }

    /// <inheritdoc />
    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        string path = PathOf(pointer.Bucket, pointer.Key);
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failure("delete", pointer, ex);
        }

        return Task.CompletedTask;
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Its folder may not exist (the write failed creating it); the write's own failure is the one to report.
        }
    }

    // The inner exception's message quotes the full path, which holds the sender's key raw: it is not attached.
    private static PayloadStoreException Failure(string operation, PayloadPointer pointer, Exception ex)
        => new(operation, pointer.Bucket, pointer.Key, $"the file store failed ({ex.GetType().Name}).", innerException: null);

    private string PathOf(string bucket, string key)
    {
        if (ObjectKeys.Problem(key) is string problem)
        {
            throw new PayloadKeyNotAllowedException(bucket, key, problem);
        }

        if (ObjectKeys.Problem(bucket) is not null || bucket.Contains('/', StringComparison.Ordinal))
        {
            throw new PayloadBucketNotAllowedException(bucket);
        }

        string path = Path.GetFullPath(Path.Combine(_root, bucket, key));
        // Belt and braces: the checks above already rule out traversal, but the file system has the final word.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PayloadKeyNotAllowedException(bucket, key, "it resolves outside the store's folder.");
        }

        return path;
    }
}

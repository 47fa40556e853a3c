using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace PayloadGen;

/// <summary>
/// A streamed write to the file store: parts are written at their offsets into a temporary file (concurrently, in
/// any order), which is renamed into place on completion and deleted otherwise, so a key never shows half an object.
/// </summary>
internal sealed class FilePayloadUpload : IPayloadUpload
{
    private readonly string _bucket;
    private readonly string _path;
    private readonly string _temporary;
    private readonly string _contentType;
    private readonly SafeFileHandle _file;
    private int _state; // 0 open, 1 completed, 2 aborted

    public FilePayloadUpload(string bucket, string key, string path, string contentType)
    {
        _bucket = bucket;
        Key = key;
        _path = path;
        _contentType = contentType;
        _temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        _file = File.OpenHandle(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.Asynchronous);
    }

    public string Key { get; }

    public async Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partNumber, 1);
        long position = offset;
        foreach (ReadOnlyMemory<byte> segment in content)
        {
            await RandomAccess.WriteAsync(_file, segment, position, cancellationToken).ConfigureAwait(false);
            position += segment.Length;
        }
    }

    public Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long written = RandomAccess.GetLength(_file);
        if (written != length)
        {
            throw new PayloadStoreException($"The file store holds {written:N0} bytes of payload object '{UntrustedName.Render(Key)}' where {length:N0} were written.");
        }

        _file.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _state = 1;
        return Task.FromResult(new PayloadPointer(_bucket, Key) { Size = length, Sha256 = sha256, ContentType = _contentType });
    }

    public ValueTask AbortAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
        {
            _file.Dispose();
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
                // Left for whoever cleans the folder; the failure that led here is the one worth reporting.
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => AbortAsync();
}

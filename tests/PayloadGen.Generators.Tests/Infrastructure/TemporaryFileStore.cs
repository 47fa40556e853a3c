using System;
using System.IO;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// The folder behind one compile-and-run test's <see cref="FilePayloadStore"/>: a fresh path under the temp folder,
/// left to the store to create on its first write (so "nothing was stored" can be asserted as "the folder does not
/// exist"), and deleted with everything in it when the test is disposed.
/// </summary>
internal sealed class TemporaryFileStore : IDisposable
{
    public TemporaryFileStore() => Root = Path.Combine(Path.GetTempPath(), "payloadgen-generator-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder to give the <see cref="FilePayloadStore"/>.</summary>
    public string Root { get; }

    /// <summary>The file the store keeps the object <paramref name="pointer"/> names in.</summary>
    public string PathOf(PayloadPointer pointer) => Path.Combine(Root, pointer.Bucket, pointer.Key);

    /// <summary>Every file in the store, temporary ones included; none when the store never wrote.</summary>
    public string[] StoredObjects() => Directory.Exists(Root) ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

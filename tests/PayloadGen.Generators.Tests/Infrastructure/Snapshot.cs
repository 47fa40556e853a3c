using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated code with the checked-in files under <c>Snapshots/</c>. With
/// <c>PAYLOADGEN_UPDATE_SNAPSHOTS=1</c> it rewrites them instead; review the diff before committing.
/// </summary>
internal static class Snapshot
{
    private const string VersionPlaceholder = "{generator-version}";

    private static readonly bool s_update = Environment.GetEnvironmentVariable("PAYLOADGEN_UPDATE_SNAPSHOTS") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the snapshot <paramref name="name"/>.</summary>
    public static void Verify(string name, string actual)
    {
        // The generator's version changes with every release; the snapshot pins the shape, not the version.
        actual = actual.Replace("\"" + Emit.GeneratorIdentity.Version + "\"", "\"" + VersionPlaceholder + "\"", StringComparison.Ordinal);
        string path = Path.Combine(Directory(), name + ".g.cs");
        if (s_update)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}. Run the tests with PAYLOADGEN_UPDATE_SNAPSHOTS=1 to create it, then review it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static string Directory([CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Snapshots");
}

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>Reads a contract file of tests/Shared that this assembly embeds (see the project file's EmbeddedResource items).</summary>
internal static class EmbeddedSource
{
    public static string Read(string logicalName)
    {
        using System.IO.Stream stream = typeof(EmbeddedSource).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new System.InvalidOperationException($"The embedded contract {logicalName} is missing.");
        using var reader = new System.IO.StreamReader(stream);
        return reader.ReadToEnd();
    }
}

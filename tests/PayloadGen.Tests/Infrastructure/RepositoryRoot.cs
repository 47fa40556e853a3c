using System;
using System.IO;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>The checkout the tests run from, found by walking up to PayloadGen.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PayloadGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PayloadGen.sln not found above {AppContext.BaseDirectory}.");
    }
}

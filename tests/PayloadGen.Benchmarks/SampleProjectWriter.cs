using System.IO;
using System.Security;
using PayloadGen.Analyzers.Tests.Infrastructure;

namespace PayloadGen.Benchmarks;

/// <summary>
/// Writes the synthetic project to disk as a <c>net10.0</c> project that <c>dotnet build</c> compiles with the SDK's
/// defaults, so that a real build can be timed with and without PayloadGen: <c>-p:UsePayloadGen=true</c> adds the
/// generator and analyzers (this benchmark's build, or <c>-p:PayloadGenAnalyzer=path</c>); the runtime library and
/// its <c>[ClaimCheck]</c> attribute are referenced either way. Not a benchmark:
/// <c>dotnet run -c Release -- --write-sample DIR [--layered]</c>; docs/performance.md has the timing loop.
/// </summary>
internal static class SampleProjectWriter
{
    public static void Write(string directory, int domainModules)
    {
        Directory.CreateDirectory(directory);
        foreach ((string path, string text) in SyntheticLambdaProject.Sources(200))
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }

        foreach ((string path, string text) in SyntheticDomainLayer.Sources(domainModules))
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }

        File.WriteAllText(Path.Combine(directory, "AwsShapes.cs"), AwsShapes.Source);
        string runtime = SecurityElement.Escape(typeof(ClaimCheckAttribute).Assembly.Location);
        string generators = SecurityElement.Escape(typeof(global::PayloadGen.Generators.Diagnostics.Rules).Assembly.Location);
        File.WriteAllText(Path.Combine(directory, "Synthetic.Functions.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by PayloadGen.Benchmarks (SampleProjectWriter): the compile-cost project as a real build. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <AssemblyName>Synthetic.Functions</AssemblyName>
                <PayloadGenAnalyzer Condition="'$(PayloadGenAnalyzer)' == ''">{generators}</PayloadGenAnalyzer>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="PayloadGen" HintPath="{runtime}" />
                <Analyzer Include="$(PayloadGenAnalyzer)" Condition="'$(UsePayloadGen)' == 'true'" />
              </ItemGroup>
            </Project>
            """);
    }
}

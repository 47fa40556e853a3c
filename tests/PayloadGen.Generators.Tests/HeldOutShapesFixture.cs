using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>
/// The held-out library (HeldOut/Library), executable (HeldOut/Executable), second round (HeldOut/Second) and Native AOT
/// executable (HeldOut/NativeAot), each compiled once with its generated
/// wrappers (and System.Text.Json's generated contexts) and loaded, for <see cref="HeldOutShapesRunTests"/>.
/// </summary>
public sealed class HeldOutShapesFixture : IDisposable
{
    public HeldOutShapesFixture()
    {
        Library = Load(TestCompilation.Create(HeldOutHandlers.Read("Library").Select(file => file.Text).Append(HttpEventsContract.Source)));
        Executable = Load(TestCompilation.Create(HeldOutHandlers.Read("Executable").Select(file => file.Text), outputKind: OutputKind.ConsoleApplication));
        Second = Load(TestCompilation.Create(HeldOutHandlers.Read("Second").Select(file => file.Text).Append(HttpEventsContract.Source)));
        NativeAot = Load(TestCompilation.Create(HeldOutHandlers.Read("NativeAot").Select(file => file.Text).Append(LambdaSerializerContract.Source), outputKind: OutputKind.ConsoleApplication));
    }

    internal LoadedAssembly Library { get; }

    internal LoadedAssembly Executable { get; }

    internal LoadedAssembly Second { get; }

    internal LoadedAssembly NativeAot { get; }

    public void Dispose()
    {
        Library.Dispose();
        Executable.Dispose();
        Second.Dispose();
        NativeAot.Dispose();
    }

    private static LoadedAssembly Load(Compilation compilation)
    {
        GeneratorRun run = GeneratorRun.Start(compilation, alongside: SystemTextJsonGenerator.Instance);
        Assert.Empty(run.OutputProblems());
        return LoadedAssembly.Load(run.Output);
    }
}

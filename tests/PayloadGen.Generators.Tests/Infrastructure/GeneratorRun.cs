using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>One run of <see cref="ClaimCheckGenerator"/> over a compilation, with everything a test may inspect.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        Output = output;
        DriverDiagnostics = driverDiagnostics;
        // Only PayloadGen's result: a run may include another generator the user's build runs beside it.
        Result = driver.GetRunResult().Results.Single(result => result.Generator.GetGeneratorType() == typeof(ClaimCheckGenerator));
    }

    /// <summary>The driver after the run, to run again on an edited compilation.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The input compilation plus the generated sources.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics of the run itself, such as CS8785 when the generator throws.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>The generator's result: sources, tracked steps, exception.</summary>
    public GeneratorRunResult Result { get; }

    /// <summary>The generated sources by hint name.</summary>
    public ImmutableDictionary<string, string> Sources => Result.GeneratedSources
        .ToImmutableDictionary(source => source.HintName, source => source.SourceText.ToString());

    /// <summary>
    /// Runs a fresh driver, tracking incremental steps, over <paramref name="compilation"/>, with the build properties
    /// <paramref name="buildProperties"/> (none by default) and every output on, as a build runs it; with
    /// <paramref name="disabledOutputs"/> <see cref="IncrementalGeneratorOutputKind.Implementation"/>, as a host that
    /// skips implementation outputs runs it. <paramref name="alongside"/> are other generators the build runs in the
    /// same pass (as System.Text.Json's): none of them sees another's output, as in a real build.
    /// </summary>
    public static GeneratorRun Start(Compilation compilation, BuildProperties? buildProperties = null, IncrementalGeneratorOutputKind disabledOutputs = IncrementalGeneratorOutputKind.None, params ISourceGenerator[] alongside)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClaimCheckGenerator().AsSourceGenerator(), .. alongside],
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: buildProperties ?? new BuildProperties(),
            driverOptions: new GeneratorDriverOptions(disabledOutputs, trackIncrementalGeneratorSteps: true));
        return Continue(driver, compilation);
    }

    /// <summary>Runs <paramref name="driver"/> again, as the IDE does after an edit.</summary>
    public static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    /// <summary>
    /// Warnings and errors of the output compilation, except missing XML docs on the test's own code: the generated
    /// code is held to every warning a TreatWarningsAsErrors build would fail on.
    /// </summary>
    public ImmutableArray<Diagnostic> OutputProblems()
    {
        ImmutableHashSet<SyntaxTree> generated = Result.GeneratedSources.Select(source => source.SyntaxTree).ToImmutableHashSet();
        return Output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Where(diagnostic => diagnostic.Id != "CS1591" || (diagnostic.Location.SourceTree is { } tree && generated.Contains(tree)))
            .ToImmutableArray();
    }
}

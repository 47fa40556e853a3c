using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.Tests.Infrastructure;

/// <summary>Reads the generator's own tracked pipeline steps (those named in <see cref="TrackingNames"/>) from a run.</summary>
internal static class TrackedSteps
{
    /// <summary>Every constant of <see cref="TrackingNames"/>, found by reflection so a new step cannot be forgotten.</summary>
    public static ImmutableArray<string> Names { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToImmutableArray();

    /// <summary>The outputs of each named step, with the reason each was (or was not) recomputed.</summary>
    public static ImmutableDictionary<string, ImmutableArray<(object Value, IncrementalStepRunReason Reason)>> Of(GeneratorRun run)
        => Names.ToImmutableDictionary(
            name => name,
            name => run.Result.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps)
                ? steps.SelectMany(step => step.Outputs).ToImmutableArray()
                : ImmutableArray<(object, IncrementalStepRunReason)>.Empty);

    /// <summary>The outputs of the step that feeds the source output.</summary>
    public static IEnumerable<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRun run)
        => run.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs);
}

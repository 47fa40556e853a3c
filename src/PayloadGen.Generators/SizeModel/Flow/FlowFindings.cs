using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>What tracing a value back through code found about its size, as structured <see cref="Evidence"/>.</summary>
internal sealed class FlowFindings
{
    private readonly List<Evidence> _unbounded = new();
    private readonly List<Evidence> _bounded = new();
    private readonly List<ITypeSymbol> _serializedTypes = new();
    private readonly SortedDictionary<int, EvidencePath> _parameters = new();
    private readonly SortedSet<int> _serializedParameters = new();

    /// <summary>Evidence that the value holds unbounded data: a whole file, a drained scan, a query with no Take.</summary>
    public IReadOnlyList<Evidence> Unbounded => _unbounded;

    /// <summary>Evidence that the value is bounded: Take(n), a single DynamoDB page.</summary>
    public IReadOnlyList<Evidence> Bounded => _bounded;

    /// <summary>Types serialized into the value (the Body of an HTTP proxy response, a message body).</summary>
    public IReadOnlyList<ITypeSymbol> SerializedTypes => _serializedTypes;

    /// <summary>Ordinals of the parameters of the traced method whose values flow into the value (for method summaries).</summary>
    public IReadOnlyCollection<int> ParameterFlows => _parameters.Keys;

    /// <summary>Ordinals of the traced method's parameters that are serialized into the value: the caller knows their types.</summary>
    public IReadOnlyCollection<int> SerializedParameters => _serializedParameters;

    /// <summary>
    /// True when a call on the way was not followed because it recursed or went too deep: the findings depend on where
    /// tracing started, so a method summary built from them is not shared.
    /// </summary>
    public bool Incomplete { get; private set; }

    /// <summary>The size of the largest constant text that flows into the value, in JSON bytes.</summary>
    public long ConstantBytes { get; private set; }

    /// <summary>Where <see cref="ConstantBytes"/> comes from.</summary>
    public Evidence? Constant { get; private set; }

    public void Add(Evidence evidence)
    {
        if (evidence.IsBound)
        {
            _bounded.Add(evidence);
        }
        else
        {
            _unbounded.Add(evidence);
        }
    }

    public void ForgetBoundedSince(int count) => _bounded.RemoveRange(count, _bounded.Count - count);

    public void AddSerializedType(ITypeSymbol type) => _serializedTypes.Add(type);

    /// <summary>
    /// Parameter <paramref name="ordinal"/> flows into the value along <paramref name="path"/> (through the helpers it
    /// is passed on to: <c>Formatter.Csv(rows)</c>); the first path found is kept.
    /// </summary>
    public void AddParameterFlow(int ordinal, EvidencePath path)
    {
        if (!_parameters.ContainsKey(ordinal))
        {
            _parameters[ordinal] = path;
        }
    }

    /// <summary>The path along which parameter <paramref name="ordinal"/> flows into the value (empty when it does not).</summary>
    public EvidencePath PathOf(int ordinal) => _parameters.TryGetValue(ordinal, out EvidencePath? path) ? path : EvidencePath.Empty;

    public void AddSerializedParameter(int ordinal) => _serializedParameters.Add(ordinal);

    public void MarkIncomplete() => Incomplete = true;

    public void AddConstant(long bytes, Evidence evidence)
    {
        if (bytes > ConstantBytes)
        {
            ConstantBytes = bytes;
            Constant = evidence;
        }
    }
}

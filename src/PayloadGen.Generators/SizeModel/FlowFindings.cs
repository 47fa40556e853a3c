using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>What tracing a value back through a method body found about its size.</summary>
internal sealed class FlowFindings
{
    private readonly List<string> _unbounded = new();
    private readonly List<string> _bounded = new();
    private readonly List<ITypeSymbol> _serializedTypes = new();

    /// <summary>Evidence that the value holds unbounded data: a whole file, a drained scan, a query with no Take.</summary>
    public IReadOnlyList<string> Unbounded => _unbounded;

    /// <summary>Evidence that the value is bounded: Take(n), a single DynamoDB page.</summary>
    public IReadOnlyList<string> Bounded => _bounded;

    /// <summary>Types serialized into the value with JsonSerializer (the Body of an HTTP proxy response).</summary>
    public IReadOnlyList<ITypeSymbol> SerializedTypes => _serializedTypes;

    /// <summary>The size of the largest constant text that flows into the value, in JSON bytes.</summary>
    public long ConstantBytes { get; private set; }

    /// <summary>Where <see cref="ConstantBytes"/> comes from.</summary>
    public string? ConstantDescription { get; private set; }

    public void AddUnbounded(string description) => _unbounded.Add(description);

    public void AddBounded(string description) => _bounded.Add(description);

    public void ForgetBoundedSince(int count) => _bounded.RemoveRange(count, _bounded.Count - count);

    public void AddSerializedType(ITypeSymbol type) => _serializedTypes.Add(type);

    public void AddConstant(long bytes, string description)
    {
        if (bytes > ConstantBytes)
        {
            ConstantBytes = bytes;
            ConstantDescription = description;
        }
    }
}

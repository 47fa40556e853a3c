using System.Text.Json.Serialization;

namespace PayloadGen.ColdStart;

/// <summary>Source-generated metadata, shared by the plain handler and the wrapper so both pay the same JSON cost.</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class ColdStartJson : JsonSerializerContext
{
}

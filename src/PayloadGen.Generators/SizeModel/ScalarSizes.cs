using Microsoft.CodeAnalysis;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The documented per-type table of System.Text.Json output sizes, in UTF-8 bytes including quotes; each bound is
/// pinned by a test that serializes the extreme values.
/// </summary>
internal static class ScalarSizes
{
    public static ByteRange? ForSpecialType(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => new ByteRange(4, 5),           // true | false
        SpecialType.System_Byte => new ByteRange(1, 3),              // 255
        SpecialType.System_SByte => new ByteRange(1, 4),             // -128
        SpecialType.System_Int16 => new ByteRange(1, 6),             // -32768
        SpecialType.System_UInt16 => new ByteRange(1, 5),            // 65535
        SpecialType.System_Int32 => new ByteRange(1, 11),            // -2147483648
        SpecialType.System_UInt32 => new ByteRange(1, 10),           // 4294967295
        SpecialType.System_Int64 => new ByteRange(1, 20),            // -9223372036854775808
        SpecialType.System_UInt64 => new ByteRange(1, 20),           // 18446744073709551615
        SpecialType.System_Single => new ByteRange(1, 15),           // -1.17549435E-38 (shortest round-trip)
        SpecialType.System_Double => new ByteRange(1, 24),           // -2.2250738585072014E-308
        SpecialType.System_Decimal => new ByteRange(1, 31),          // -7.9228162514264337593543950335
        SpecialType.System_Char => new ByteRange(3, 8),              // "\u0022"
        SpecialType.System_DateTime => new ByteRange(21, 35),        // "9999-12-31T23:59:59.9999999+14:00"
        _ => null,
    };

    /// <summary>Sizes of well-known value types by metadata name.</summary>
    public static ByteRange? ForMetadataName(string metadataName) => metadataName switch
    {
        "System.Guid" => ByteRange.Exactly(38),                      // "00000000-0000-0000-0000-000000000000"
        "System.DateTimeOffset" => new ByteRange(21, 35),
        "System.TimeSpan" => new ByteRange(10, 28),                  // "-10675199.02:48:05.4775808"
        "System.DateOnly" => ByteRange.Exactly(12),                  // "2024-01-31"
        "System.TimeOnly" => new ByteRange(10, 18),                  // "23:59:59.9999999"
        "System.Half" => new ByteRange(1, 10),
        "System.Int128" => new ByteRange(1, 40),
        "System.UInt128" => new ByteRange(1, 39),
        "System.Version" => new ByteRange(5, 45),                    // "2147483647.2147483647.2147483647.2147483647"
        _ => null,
    };
}

using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

#pragma warning disable CA1819, CA1002, CA2227, CA1051, CA1711, CA1716, CA1720, CA1724, CA1027, CA1028, CA2217, CA1008, CA1056, CA1034
namespace PayloadGen.Analyzers.Tests.SizeModel.Samples
{
    // Types whose model bounds are compared with real System.Text.Json output (see JsonSizeModelTests).
    public class Scalars
    {
        public bool Flag { get; set; }
        public byte U8 { get; set; }
        public sbyte I8 { get; set; }
        public short I16 { get; set; }
        public ushort U16 { get; set; }
        public int I32 { get; set; }
        public uint U32 { get; set; }
        public long I64 { get; set; }
        public ulong U64 { get; set; }
        public float F32 { get; set; }
        public double F64 { get; set; }
        public decimal Money { get; set; }
        public char Letter { get; set; }
        public DateTime When { get; set; }
        public DateTimeOffset At { get; set; }
        public Guid Id { get; set; }
        public TimeSpan Span { get; set; }
        public DateOnly Day { get; set; }
        public TimeOnly Time { get; set; }
    }

    public class BoundedText
    {
        [MaxLength(10)] public string Name { get; set; } = "";
        [StringLength(5, MinimumLength = 2)] public string Code { get; set; } = "";
        [Length(1, 3)] public string Short { get; set; } = "";
    }

    public class Bytes
    {
        [MaxLength(100)] public byte[] Data { get; set; } = [];
        [MaxLength(7)] public byte[]? Small { get; set; }
        [MaxLength(5)] public ReadOnlyMemory<byte> Memory { get; set; }
    }

    public record Point(int X, int Y);

    public enum Color { Red, Green, Blue }

    [Flags]
    [JsonConverter(typeof(JsonStringEnumConverter<Access>))]
    public enum Access { None = 0, Read = 1, Write = 2, Execute = 4 }

    public class Bounded
    {
        [MaxLength(3)] public List<Point> Points { get; set; } = [];
        [Length(2, 4)] public int[] Numbers { get; set; } = [];
        public Point? Origin { get; set; }
        public int? Maybe { get; set; }
        public Guid? MaybeId { get; set; }
        public Color Color { get; set; }
        [JsonConverter(typeof(JsonStringEnumConverter))] public Color Named { get; set; }
        public Access Access { get; set; }
    }

    public class Renamed
    {
        [JsonPropertyName("a<b\u00e9")] public int X { get; set; }
        [JsonIgnore] public string Secret { get; set; } = "";
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Zero { get; set; }
        public int NotSerializedField;
        [JsonInclude] public int IncludedField;
        [JsonNumberHandling(JsonNumberHandling.WriteAsString)] public int Quoted { get; set; }
        public static int Static { get; set; }
        public int this[int index] => index;
        internal int Internal { get; set; }
    }

    public class BaseType { public int Id { get; set; } }

    public class Derived : BaseType { public long Extra { get; set; } public new int Id { get; set; } }

    [JsonDerivedType(typeof(Circle), "circle")]
    [JsonDerivedType(typeof(Square), "square")]
    public abstract class Shape { public int Id { get; set; } }

    public class Circle : Shape { public double Radius { get; set; } }

    public class Square : Shape { public double Side { get; set; } public Point Corner { get; set; } = new(0, 0); }

    public class ShapeHolder { public Shape Shape { get; set; } = new Circle(); }

    public class Row
    {
        public byte[] Attachment { get; set; } = [];
        public string Name { get; set; } = "";
    }

    public class Report
    {
        public string Title { get; set; } = "";
        public List<Row> Rows { get; set; } = [];
    }

    public class Node
    {
        public int Value { get; set; }
        public Node? Next { get; set; }
    }

    public class Counts
    {
        public Dictionary<string, int> ByName { get; set; } = new();
        public Dictionary<int, Point> ById { get; set; } = new();
    }

    public class Mixed
    {
        [MaxLength(2)] public List<BoundedText> Items { get; set; } = [];
        public Bytes Payload { get; set; } = new();
        public Scalars Values { get; set; } = new();
    }
}

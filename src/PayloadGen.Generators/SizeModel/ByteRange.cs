using System;
using System.Globalization;

namespace PayloadGen.Generators.SizeModel;

/// <summary>The smallest and largest number of UTF-8 bytes a value can serialize to; <see cref="Unbounded"/> has no maximum.</summary>
internal readonly struct ByteRange : IEquatable<ByteRange>
{
    public const long Unbounded = long.MaxValue;

    public ByteRange(long min, long max)
    {
        Min = min;
        Max = max;
    }

    public long Min { get; }

    /// <summary>The largest size, or <see cref="Unbounded"/>.</summary>
    public long Max { get; }

    public bool IsBounded => Max != Unbounded;

    public static ByteRange Exactly(long size) => new(size, size);

    public static ByteRange AtLeast(long min) => new(min, Unbounded);

    public static long Add(long a, long b) =>
        a == Unbounded || b == Unbounded || a > Unbounded - b ? Unbounded : a + b;

    public static long Multiply(long count, long size)
    {
        if (count == 0 || size == 0)
        {
            return 0;
        }

        return count == Unbounded || size == Unbounded || count > Unbounded / size ? Unbounded : count * size;
    }

    public ByteRange Plus(ByteRange other) => new(Add(Min, other.Min), Add(Max, other.Max));

    public ByteRange Plus(long bytes) => new(Add(Min, bytes), Add(Max, bytes));

    public bool Equals(ByteRange other) => Min == other.Min && Max == other.Max;

    public override bool Equals(object? obj) => obj is ByteRange other && Equals(other);

    public override int GetHashCode() => unchecked((Min.GetHashCode() * 397) ^ Max.GetHashCode());

    public override string ToString() =>
        "[" + Min.ToString(CultureInfo.InvariantCulture) + ", " + (IsBounded ? Max.ToString(CultureInfo.InvariantCulture) : "unbounded") + "]";
}

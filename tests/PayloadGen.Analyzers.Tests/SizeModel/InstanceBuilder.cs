using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>
/// Builds instances of sample types at the extremes the size model claims (longest escapes, largest numbers, full
/// collections; or empty strings, zeros and nulls) and at random points in between.
/// </summary>
internal sealed class InstanceBuilder
{
    /// <summary>Characters that System.Text.Json escapes to six bytes under its default encoder.</summary>
    private const char WorstChar = '<';
    private const int UnboundedCount = 3;
    private static readonly char[] RandomChars = ['a', 'Z', '0', ' ', '<', '"', '\\', '\n', '\u00e9', '\u4e2d', '\u0001', '+'];
    private static readonly Lazy<float> LongestFloat = new(FindLongestFloat);
    private readonly Random? _random;
    private readonly bool _worst;

    private InstanceBuilder(bool worst, Random? random)
    {
        _worst = worst;
        _random = random;
    }

    public static object Worst(Type type) => new InstanceBuilder(worst: true, random: null).Build(type, null, depth: 0)!;

    public static object Smallest(Type type) => new InstanceBuilder(worst: false, random: null).Build(type, null, depth: 0)!;

    public static object Random(Type type, Random random) => new InstanceBuilder(worst: false, random).Build(type, null, depth: 0)!;

    /// <summary>
    /// A non-nullable list or array with a declared minimum count (<c>[MinLength(2)] List&lt;T&gt;</c>) is never null in a
    /// valid instance: the size model counts its minimum, so the smallest instance must hold it too.
    /// </summary>
    private static bool DeclaresMinimumCount(MemberInfo member, Type type)
    {
        bool collection = (type.IsArray && type != typeof(byte[])) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>));
        int minimum = member.GetCustomAttribute<MinLengthAttribute>()?.Length ?? member.GetCustomAttribute<LengthAttribute>()?.MinimumLength ?? 0;
        NullabilityState state = member switch
        {
            PropertyInfo property => new NullabilityInfoContext().Create(property).ReadState,
            FieldInfo field => new NullabilityInfoContext().Create(field).ReadState,
            _ => NullabilityState.Unknown,
        };
        return collection && minimum > 0 && state == NullabilityState.NotNull;
    }

    private bool Pick() => _random is null ? _worst : _random.Next(2) == 0;

    private object? Build(Type type, MemberInfo? member, int depth)
    {
        Type? nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return Pick() ? Build(nullable, member, depth) : null;
        }

        if (!_worst && _random is null && member is not null && !type.IsValueType && !DeclaresMinimumCount(member, type))
        {
            return null;
        }

        (int min, int max) = Bounds(member);
        if (type == typeof(string))
        {
            int length = Length(min, max);
            return _random is null
                ? new string(_worst ? WorstChar : 'a', length)
                : new string(Enumerable.Range(0, length).Select(_ => RandomChars[_random.Next(RandomChars.Length)]).ToArray());
        }

        if (type == typeof(byte[]))
        {
            return Enumerable.Repeat((byte)0xFF, Length(min, max)).ToArray();
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>(new byte[Length(min, max)]);
        }

        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (type.IsEnum)
        {
            return Enum(type, member);
        }

        if (type.IsArray)
        {
            Type element = type.GetElementType()!;
            int count = Length(min, max);
            Array array = Array.CreateInstance(element, count);
            for (int i = 0; i < count; i++)
            {
                array.SetValue(Build(element, null, depth + 1), i);
            }

            return array;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            int count = Length(min, max);
            for (int i = 0; i < count; i++)
            {
                list.Add(Build(type.GetGenericArguments()[0], null, depth + 1));
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            Type key = type.GetGenericArguments()[0];
            for (int i = 0; i < Length(0, UnboundedCount); i++)
            {
                object keyValue = key == typeof(string) ? "k" + i : Convert.ChangeType(i, key, System.Globalization.CultureInfo.InvariantCulture);
                dictionary[keyValue] = Build(type.GetGenericArguments()[1], null, depth + 1);
            }

            return dictionary;
        }

        if (type.IsAbstract)
        {
            Type[] derived = type.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToArray();
            Type chosen = _random is null ? derived.OrderByDescending(t => t.GetProperties().Length).First() : derived[_random.Next(derived.Length)];
            return Build(chosen, member, depth);
        }

        if (depth > 3 || (!_worst && _random is null && !type.IsValueType && member is not null))
        {
            return null;
        }

        return BuildObject(type, depth);
    }

    private object BuildObject(Type type, int depth)
    {
        ConstructorInfo constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        object instance = constructor.Invoke(constructor.GetParameters().Select(p => Build(p.ParameterType, null, depth + 1)).ToArray());
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(instance, Build(property.PropertyType, property, depth + 1));
            }
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            field.SetValue(instance, Build(field.FieldType, field, depth + 1));
        }

        return instance;
    }

    /// <summary>A float whose shortest round-trip text has the most characters (nine significant digits, two-digit negative exponent).</summary>
    private static float FindLongestFloat()
    {
        var random = new Random(7);
        float longest = float.MinValue;
        for (int i = 0; i < 100_000; i++)
        {
            float candidate = -BitConverter.Int32BitsToSingle(random.Next(0x00800000, 0x0F000000));
            if (candidate.ToString(System.Globalization.CultureInfo.InvariantCulture).Length > longest.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
            {
                longest = candidate;
            }
        }

        return longest;
    }

    private int Length(int min, int max)
    {
        int upper = max == int.MaxValue ? UnboundedCount : max;
        if (_random is not null)
        {
            return _random.Next(min, upper + 1);
        }

        return _worst ? upper : min;
    }

    private static (int Min, int Max) Bounds(MemberInfo? member)
    {
        int min = 0;
        int max = int.MaxValue;
        if (member is null)
        {
            return (min, max);
        }

        foreach (Attribute attribute in member.GetCustomAttributes())
        {
            switch (attribute)
            {
                case MaxLengthAttribute a: max = Math.Min(max, a.Length); break;
                case MinLengthAttribute a: min = Math.Max(min, a.Length); break;
                case LengthAttribute a: min = Math.Max(min, a.MinimumLength); max = Math.Min(max, a.MaximumLength); break;
                case StringLengthAttribute a: min = Math.Max(min, a.MinimumLength); max = Math.Min(max, a.MaximumLength); break;
            }
        }

        return (min, max);
    }

    private object? Scalar(Type type)
    {
        object[]? candidates = type switch
        {
            _ when type == typeof(bool) => [false, true],
            _ when type == typeof(byte) => [byte.MaxValue, (byte)0],
            _ when type == typeof(sbyte) => [sbyte.MinValue, (sbyte)0],
            _ when type == typeof(short) => [short.MinValue, (short)0],
            _ when type == typeof(ushort) => [ushort.MaxValue, (ushort)0],
            _ when type == typeof(int) => [int.MinValue, 0],
            _ when type == typeof(uint) => [uint.MaxValue, 0u],
            _ when type == typeof(long) => [long.MinValue, 0L],
            _ when type == typeof(ulong) => [ulong.MaxValue, 0UL],
            _ when type == typeof(float) => [LongestFloat.Value, float.MinValue, 0f],
            _ when type == typeof(double) => [-2.2250738585072014E-308, double.MinValue, -double.Epsilon, 0d],
            _ when type == typeof(decimal) => [-7.9228162514264337593543950335m, decimal.MinValue, 0m],
            _ when type == typeof(char) => ['"', 'a'],
            _ when type == typeof(DateTime) => [new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Local).AddTicks(9_999_999), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)],
            _ when type == typeof(DateTimeOffset) => [new DateTimeOffset(9999, 12, 31, 9, 59, 59, TimeSpan.FromHours(14)).AddTicks(9_999_999), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)],
            _ when type == typeof(Guid) => [Guid.NewGuid()],
            _ when type == typeof(TimeSpan) => [TimeSpan.MinValue, TimeSpan.Zero],
            _ when type == typeof(DateOnly) => [DateOnly.MaxValue],
            _ when type == typeof(TimeOnly) => [TimeOnly.MaxValue, TimeOnly.MinValue],
            _ => null,
        };
        if (candidates is null)
        {
            return null;
        }

        if (_random is not null)
        {
            return candidates[_random.Next(candidates.Length)];
        }

        // Worst: the candidate with the longest JSON; smallest: the shortest.
        var ordered = candidates.OrderBy(c => System.Text.Json.JsonSerializer.Serialize(c, type).Length);
        return _worst ? ordered.Last() : ordered.First();
    }

    private object Enum(Type type, MemberInfo? member)
    {
        bool asString = member?.GetCustomAttribute<JsonConverterAttribute>() is not null || type.GetCustomAttribute<JsonConverterAttribute>() is not null;
        Array values = System.Enum.GetValues(type);
        if (_random is not null)
        {
            return values.GetValue(_random.Next(values.Length))!;
        }

        if (!_worst)
        {
            return values.GetValue(0)!;
        }

        if (asString && type.GetCustomAttribute<FlagsAttribute>() is not null)
        {
            long all = values.Cast<object>().Aggregate(0L, (acc, v) => acc | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
            return System.Enum.ToObject(type, all);
        }

        return System.Enum.ToObject(type, int.MinValue);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayloadGen;

/// <summary>
/// Reads environment variables as typed values, each variable once, and turns an unusable value into a
/// <see cref="ClaimCheckConfigurationException"/> that names the variable: a typo in a deployment template must stop
/// the function at start-up, never be read as "unset".
/// </summary>
/// <remarks>
/// A variable that is unset or only whitespace is <see langword="null"/> ("use the default") for every type except
/// where the caller asks for the raw value (<see cref="Raw"/>): the key prefix, whose empty value would mean something.
/// </remarks>
internal sealed class EnvironmentReader
{
    private readonly Func<string, string?> _lookup;
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public EnvironmentReader(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
    }

    /// <summary>The value exactly as set, or <see langword="null"/> when the variable is unset.</summary>
    public string? Raw(string name)
    {
        if (!_values.TryGetValue(name, out string? value))
        {
            value = _lookup(name);
            _values.Add(name, value);
        }

        return value;
    }

    /// <summary>The trimmed value, or <see langword="null"/> when unset or blank.</summary>
    public string? Text(string name) => Raw(name) is string value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The comma-separated items of the value, trimmed, empty items dropped.</summary>
    public IReadOnlyList<string> List(string name)
        => Text(name) is string value ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>The <c>key=value</c> items of a comma-separated value, trimmed, split at their first <c>=</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string name)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string item in List(name))
        {
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Invalid(name, "must be key=value pairs separated by commas");
            }

            pairs.Add(new(item[..equals].Trim(), item[(equals + 1)..].Trim()));
        }

        return pairs;
    }

    /// <summary><c>true</c>/<c>false</c> (also <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>, any case), or <see langword="null"/> when unset.</summary>
    public bool? Boolean(string name) => Text(name) is not string value ? null : value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw Invalid(name, "must be true or false"),
    };

    /// <summary>A whole number of <paramref name="unit"/> from 1 up, or <see langword="null"/> when unset.</summary>
    public long? PositiveInt64(string name, string unit)
        => Text(name) is not string value ? null
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0
                ? number
                : throw Invalid(name, $"must be a positive whole number of {unit}");

    /// <summary>A whole number of <paramref name="unit"/> from <paramref name="min"/> to <paramref name="max"/>, or <see langword="null"/> when unset.</summary>
    public int? Int32(string name, string unit, int min, int max)
        => Text(name) is not string value ? null
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= min && number <= max
                ? number
                : throw Invalid(name, $"must be a whole number of {unit} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>One of <paramref name="choices"/> (compared ignoring case), or <see langword="null"/> when unset.</summary>
    public T? Choice<T>(string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
        => Text(name) is not string value ? null
            : choices.TryGetValue(value, out T chosen) ? chosen
            : throw Invalid(name, $"must be one of {string.Join(", ", choices.Keys)}");

    /// <summary>The error for a value of <paramref name="name"/> that cannot be used; the value is quoted, escaped.</summary>
    public ClaimCheckConfigurationException Invalid(string name, string expectation)
        => new($"{name} {expectation}, not '{UntrustedName.Render(Raw(name))}'.");
}

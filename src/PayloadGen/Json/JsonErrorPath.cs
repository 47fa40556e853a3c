using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PayloadGen;

/// <summary>
/// Renders the JSON path of a deserialization error (<see cref="JsonException.Path"/>) for a log line without the
/// payload's data in it. Property names the type declares are schema and stay; array indices stay; dictionary keys
/// are data (e-mail addresses, card numbers) and become <c>[&lt;key&gt;]</c>; anything the type does not explain
/// (an unknown property, a value under <see cref="JsonElement"/> or a custom converter) becomes <c>[&lt;…&gt;]</c>,
/// with nothing after it. The walk follows the type's metadata, never the path's punctuation alone: a key may hold
/// <c>.</c>, <c>[</c> or <c>']</c>, and System.Text.Json does not escape them.
/// </summary>
/// <example><c>$.Tags['alice@example.com'].Score</c> becomes <c>$.Tags[&lt;key&gt;].Score</c>.</example>
internal static class JsonErrorPath
{
    /// <summary>What a dictionary key is rendered as.</summary>
    public const string KeyPlaceholder = "[<key>]";

    /// <summary>What the part of a path the type cannot explain is rendered as.</summary>
    public const string WithheldPlaceholder = "[<…>]";

    // Longer paths are not walked (the walk is quadratic in the worst case); their names are withheld.
    private const int MaxWalkedLength = 4096;

    /// <summary>The path with every data-derived segment replaced, and the type at its end when the walk reached it.</summary>
    /// <param name="path">The path System.Text.Json reported; <see langword="null"/> when it reported none.</param>
    /// <param name="root">Metadata of the type that was being read; <see langword="null"/> withholds every name.</param>
    public static (string? Path, Type? Leaf) Render(string? path, JsonTypeInfo? root)
    {
        if (path is null)
        {
            return (null, null);
        }

        if (path.Length == 0 || path[0] != '$')
        {
            return ("$" + WithheldPlaceholder, null);
        }

        var walk = new Walk(path, root?.Options);
        var rendered = new StringBuilder("$", Math.Min(path.Length, 256) + 16);
        if (path.Length <= MaxWalkedLength && walk.From(1, root, rendered))
        {
            return (rendered.ToString(), walk.Leaf);
        }

        return (walk.Deepest + WithheldPlaceholder, null);
    }

    private sealed class Walk
    {
        private readonly string _path;
        private readonly JsonSerializerOptions? _options;

        // (position, type) pairs already known not to explain the rest of the path: a path full of '.' under nested
        // dictionaries would otherwise make the split search exponential.
        private readonly HashSet<(int Position, JsonTypeInfo Type)> _dead = new();
        private int _deepestPosition = -1;

        public Walk(string path, JsonSerializerOptions? options)
        {
            _path = path;
            _options = options;
        }

        /// <summary>The rendering of the longest prefix that was explained, for a path that was not explained whole.</summary>
        public string Deepest { get; private set; } = "$";

        public Type? Leaf { get; private set; }

        public bool From(int position, JsonTypeInfo? type, StringBuilder rendered)
        {
            if (position == _path.Length)
            {
                Leaf = type?.Type;
                return true;
            }

            if (type is null || _dead.Contains((position, type)))
            {
                Remember(position, rendered);
                return false;
            }

            int mark = rendered.Length;
            bool explained = type.Kind switch
            {
                JsonTypeInfoKind.Object => Property(position, type, rendered),
                JsonTypeInfoKind.Dictionary => Key(position, type, rendered),
                JsonTypeInfoKind.Enumerable => Index(position, type, rendered),
                _ => false,
            };

            if (!explained)
            {
                rendered.Length = mark;
                Remember(position, rendered);
                _dead.Add((position, type));
            }

            return explained;
        }

        private bool Property(int position, JsonTypeInfo type, StringBuilder rendered)
        {
            StringComparison comparison = type.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            int mark = rendered.Length;
            foreach (JsonPropertyInfo property in type.Properties)
            {
                if (property.IsExtensionData)
                {
                    // Its members are named by the sender, not by the type.
                    continue;
                }

                foreach (int end in NameEnds(position, property.Name, comparison))
                {
                    AppendName(rendered, property.Name);
                    if (From(end, TypeInfo(property.PropertyType), rendered))
                    {
                        return true;
                    }

                    rendered.Length = mark;
                }
            }

            return false;
        }

        private bool Key(int position, JsonTypeInfo type, StringBuilder rendered)
        {
            JsonTypeInfo? value = TypeInfo(ElementType(type));
            int mark = rendered.Length;
            foreach (int end in KeyEnds(position))
            {
                rendered.Append(KeyPlaceholder);
                if (From(end, value, rendered))
                {
                    return true;
                }

                rendered.Length = mark;
            }

            return false;
        }

        private bool Index(int position, JsonTypeInfo type, StringBuilder rendered)
        {
            if (_path[position] != '[')
            {
                return false;
            }

            int end = position + 1;
            while (end < _path.Length && char.IsAsciiDigit(_path[end]))
            {
                end++;
            }

            if (end == position + 1 || end == _path.Length || _path[end] != ']')
            {
                return false;
            }

            rendered.Append(_path, position, end + 1 - position);
            return From(end + 1, TypeInfo(ElementType(type)), rendered);
        }

        // Where a declared name written at position ends: ".Name" or "['Name']", followed by the end or a separator.
        private IEnumerable<int> NameEnds(int position, string name, StringComparison comparison)
        {
            if (_path[position] == '.' && Matches(position + 1, name, comparison) && IsBoundary(position + 1 + name.Length))
            {
                yield return position + 1 + name.Length;
            }

            if (_path.AsSpan(position).StartsWith("['", StringComparison.Ordinal)
                && Matches(position + 2, name, comparison)
                && _path.AsSpan(position + 2 + name.Length).StartsWith("']", StringComparison.Ordinal)
                && IsBoundary(position + 4 + name.Length))
            {
                yield return position + 4 + name.Length;
            }
        }

        // Where a key written at position may end. Keys are not escaped, so every separator is a candidate; the
        // walk of the rest decides.
        private IEnumerable<int> KeyEnds(int position)
        {
            if (_path[position] == '.')
            {
                for (int end = position + 2; end <= _path.Length; end++)
                {
                    if (IsBoundary(end))
                    {
                        yield return end;
                    }
                }
            }
            else if (_path.AsSpan(position).StartsWith("['", StringComparison.Ordinal))
            {
                for (int close = _path.IndexOf("']", position + 2, StringComparison.Ordinal); close >= 0; close = _path.IndexOf("']", close + 1, StringComparison.Ordinal))
                {
                    if (IsBoundary(close + 2))
                    {
                        yield return close + 2;
                    }
                }
            }
        }

        private static Type? ElementType(JsonTypeInfo type)
        {
#if NET9_0_OR_GREATER
            return type.ElementType;
#else
            // .NET 8's metadata does not expose element types: take the array's, or the last generic argument
            // (List<T>, Dictionary<K, V>…). A wrong guess only makes the walk fail, and then the rest is withheld.
            if (type.Type.IsArray)
            {
                return type.Type.GetElementType();
            }

            Type[] arguments = type.Type.IsGenericType ? type.Type.GetGenericArguments() : Type.EmptyTypes;
            return arguments.Length is 1 or 2 ? arguments[^1] : null;
#endif
        }

        private bool Matches(int position, string name, StringComparison comparison)
            => position + name.Length <= _path.Length && _path.AsSpan(position, name.Length).Equals(name, comparison);

        private bool IsBoundary(int position) => position == _path.Length || _path[position] is '.' or '[';

        private JsonTypeInfo? TypeInfo(Type? type)
        {
            if (type is null || _options is null)
            {
                return null;
            }

            try
            {
                return _options.GetTypeInfo(type);
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
            {
                // A type the resolver has no metadata for: the rest of the path is not explained.
                return null;
            }
        }

        private void Remember(int position, StringBuilder rendered)
        {
            if (position > _deepestPosition)
            {
                _deepestPosition = position;
                Deepest = rendered.ToString();
            }
        }

        private static void AppendName(StringBuilder rendered, string name)
        {
            // Declared names are schema, but a [JsonPropertyName] may still hold characters a log line must not.
            string safe = UntrustedName.Render(name);
            if (safe.AsSpan().IndexOfAny(".[]' ") >= 0 || safe.Length == 0)
            {
                rendered.Append("['").Append(safe).Append("']");
            }
            else
            {
                rendered.Append('.').Append(safe);
            }
        }
    }
}

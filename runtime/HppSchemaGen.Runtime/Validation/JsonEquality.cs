using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>JSON equality as JSON Schema defines it: <c>1</c> equals <c>1.0</c>, member order is ignored.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonEquality
{
    /// <summary>Parses a constant that the generator wrote (always well-formed JSON).</summary>
    public static JsonElement Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    /// <summary>Parses constants that the generator wrote.</summary>
    public static JsonElement[] ParseAll(string[] json)
    {
        var result = new JsonElement[json.Length];
        for (int i = 0; i < json.Length; i++) result[i] = Parse(json[i]);
        return result;
    }

    /// <summary>The UTF-8 content of JSON string literals that the generator wrote.</summary>
    public static byte[][] Utf8Strings(string[] jsonStrings)
    {
        var result = new byte[jsonStrings.Length][];
        for (int i = 0; i < jsonStrings.Length; i++)
        {
            using JsonDocument doc = JsonDocument.Parse(jsonStrings[i]);
            result[i] = System.Text.Encoding.UTF8.GetBytes(doc.RootElement.GetString() ?? string.Empty);
        }
        return result;
    }

    /// <summary>True when the string <paramref name="e"/> equals one of <paramref name="values"/> (no allocation).</summary>
    public static bool IsOneOfStrings(JsonElement e, byte[][] values)
    {
        foreach (byte[] v in values)
        {
            if (e.ValueEquals(v)) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="e"/> is JSON-equal to one of <paramref name="values"/>.</summary>
    public static bool IsOneOf(JsonElement e, JsonElement[] values)
    {
        foreach (JsonElement v in values)
        {
            if (Equals(e, v)) return true;
        }
        return false;
    }

    /// <summary>Deep JSON equality.</summary>
    public static bool Equals(JsonElement a, JsonElement b)
    {
        JsonValueKind ka = Normalize(a.ValueKind), kb = Normalize(b.ValueKind);
        if (ka != kb) return false;
        switch (ka)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return a.ValueKind == b.ValueKind;
            case JsonValueKind.Number:
                return NumberEquals(a, b);
            case JsonValueKind.String:
                return StringEquals(a, b);
            case JsonValueKind.Array:
            {
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                JsonElement.ArrayEnumerator eb = b.EnumerateArray();
                foreach (JsonElement item in a.EnumerateArray())
                {
                    eb.MoveNext();
                    if (!Equals(item, eb.Current)) return false;
                }
                return true;
            }
            case JsonValueKind.Object:
            {
                int countA = 0;
                foreach (JsonProperty p in a.EnumerateObject())
                {
                    countA++;
                    if (!b.TryGetProperty(p.Name, out JsonElement other) || !Equals(p.Value, other)) return false;
                }
                int countB = 0;
                foreach (JsonProperty _ in b.EnumerateObject()) countB++;
                return countA == countB;
            }
            default:
                return false;
        }
    }

    private static JsonValueKind Normalize(JsonValueKind k) => k == JsonValueKind.False ? JsonValueKind.True : k;

    private static bool StringEquals(JsonElement a, JsonElement b)
    {
        if (!JsonStrings.TryGetUtf8(b, out ReadOnlySpan<byte> utf8, out byte[]? rented)) return a.GetRawText() == b.GetRawText();
        try
        {
            return a.ValueEquals(utf8);
        }
        finally
        {
            JsonStrings.Return(rented);
        }
    }

    private static bool NumberEquals(JsonElement a, JsonElement b)
    {
        if (a.TryGetDecimal(out decimal da) && b.TryGetDecimal(out decimal db)) return da == db;
        if (a.TryGetDouble(out double xa) && b.TryGetDouble(out double xb) && !double.IsInfinity(xa)) return xa == xb;
        return a.GetRawText() == b.GetRawText();
    }

    /// <summary>
    /// A hash consistent with <see cref="Equals(JsonElement, JsonElement)"/>, over string contents and
    /// member names, seeded per process by <see cref="HashCode"/> so inputs cannot be crafted to collide.
    /// </summary>
    public static int GetHashCode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                return e.TryGetDouble(out double x) && !double.IsInfinity(x) ? x.GetHashCode() : 17;
            case JsonValueKind.String:
                return StringHash(e);
            case JsonValueKind.Array:
            {
                var h = new HashCode();
                foreach (JsonElement item in e.EnumerateArray()) h.Add(GetHashCode(item));
                return h.ToHashCode();
            }
            case JsonValueKind.Object:
            {
                int sum = 23;
                foreach (JsonProperty p in e.EnumerateObject()) sum = unchecked(sum + HashCode.Combine(NameHash(p), GetHashCode(p.Value)));
                return sum;
            }
            default:
                return (int)e.ValueKind;
        }
    }

    private static int StringHash(JsonElement e)
    {
        if (!JsonStrings.TryGetUtf8(e, out ReadOnlySpan<byte> utf8, out byte[]? rented)) return 29;
        var h = new HashCode();
#if NET6_0_OR_GREATER
        h.AddBytes(utf8);
#endif
        JsonStrings.Return(rented);
        return h.ToHashCode();
    }

    private static int NameHash(JsonProperty p)
    {
#if NET9_0_OR_GREATER
        ReadOnlySpan<byte> raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(p);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            var h = new HashCode();
            h.AddBytes(raw);
            return h.ToHashCode();
        }
#endif
        return StringComparer.Ordinal.GetHashCode(p.Name);
    }

    /// <summary>
    /// True when all items of the array are distinct. Small arrays compare pairwise; larger ones are
    /// sorted by hash and only equal-hash runs are compared, so the work stays O(n log n) on hostile input.
    /// </summary>
    public static bool AreItemsUnique(JsonElement array)
    {
        int n = array.GetArrayLength();
        if (n < 2) return true;
        // Copy the items once: indexing a JsonElement array with nested values walks it from the start.
        JsonElement[] items = ArrayPool<JsonElement>.Shared.Rent(n);
        int[]? hashes = null, index = null;
        try
        {
            int k = 0;
            foreach (JsonElement item in array.EnumerateArray()) items[k++] = item;
            if (n <= 16)
            {
                for (int i = 0; i < n; i++)
                    for (int j = i + 1; j < n; j++)
                        if (Equals(items[i], items[j])) return false;
                return true;
            }
            hashes = ArrayPool<int>.Shared.Rent(n);
            index = ArrayPool<int>.Shared.Rent(n);
            for (int i = 0; i < n; i++)
            {
                hashes[i] = GetHashCode(items[i]);
                index[i] = i;
            }
            Array.Sort(hashes, index, 0, n);
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && hashes[end] == hashes[start]) end++;
                for (int i = start; i < end; i++)
                    for (int j = i + 1; j < end; j++)
                        if (Equals(items[index[i]], items[index[j]])) return false;
                start = end;
            }
            return true;
        }
        finally
        {
            Array.Clear(items, 0, n);
            ArrayPool<JsonElement>.Shared.Return(items);
            if (hashes is not null) ArrayPool<int>.Shared.Return(hashes);
            if (index is not null) ArrayPool<int>.Shared.Return(index);
        }
    }
}

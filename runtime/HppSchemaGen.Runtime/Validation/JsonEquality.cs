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

    /// <summary>A hash consistent with <see cref="Equals(JsonElement, JsonElement)"/>.</summary>
    public static int GetHashCode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                return e.TryGetDouble(out double x) ? x.GetHashCode() : 17;
            case JsonValueKind.String:
                return (int)JsonStrings.CodePointLength(e) * 31 + 7;
            case JsonValueKind.Array:
            {
                int h = 19;
                foreach (JsonElement item in e.EnumerateArray()) h = h * 31 + GetHashCode(item);
                return h;
            }
            case JsonValueKind.Object:
            {
                int h = 23;
                foreach (JsonProperty p in e.EnumerateObject()) h ^= p.Name.Length * 397 + GetHashCode(p.Value);
                return h;
            }
            default:
                return (int)e.ValueKind;
        }
    }

    /// <summary>
    /// True when all items of the array are distinct. Small arrays compare pairwise (no allocation);
    /// larger ones sort by hash so the work stays O(n log n) on hostile input.
    /// </summary>
    public static bool AreItemsUnique(JsonElement array)
    {
        int n = array.GetArrayLength();
        if (n < 2) return true;
        if (n <= 16)
        {
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    if (Equals(array[i], array[j])) return false;
            return true;
        }
        int[] hashes = ArrayPool<int>.Shared.Rent(n);
        int[] index = ArrayPool<int>.Shared.Rent(n);
        try
        {
            int k = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                hashes[k] = GetHashCode(item);
                index[k] = k;
                k++;
            }
            Array.Sort(hashes, index, 0, n);
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && hashes[end] == hashes[start]) end++;
                for (int i = start; i < end; i++)
                    for (int j = i + 1; j < end; j++)
                        if (Equals(array[index[i]], array[index[j]])) return false;
                start = end;
            }
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(hashes);
            ArrayPool<int>.Shared.Return(index);
        }
    }
}

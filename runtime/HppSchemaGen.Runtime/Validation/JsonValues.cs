using System.ComponentModel;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>
/// The values of an <c>enum</c> or <c>const</c>, built once from the JSON text the generator wrote:
/// strings are compared as UTF-8 (no allocation), other values by JSON equality.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonValues
{
    private readonly byte[][] _strings;
    private readonly JsonElement[] _others;

    /// <summary>Creates the set from canonical JSON texts, one per value.</summary>
    public JsonValues(params string[] json)
    {
        int strings = 0;
        foreach (string j in json) if (j.Length > 0 && j[0] == '"') strings++;
        var s = new string[strings];
        var o = new string[json.Length - strings];
        int si = 0, oi = 0;
        foreach (string j in json)
        {
            if (j.Length > 0 && j[0] == '"') s[si++] = j;
            else o[oi++] = j;
        }
        _strings = JsonEquality.Utf8Strings(s);
        _others = JsonEquality.ParseAll(o);
        Text = json.Length == 1 ? Shorten(json[0]) : Shorten(string.Join(", ", json));
    }

    /// <summary>The values as the error message shows them.</summary>
    public string Text { get; }

    /// <summary>True when <paramref name="e"/> equals one of the values.</summary>
    public bool Contains(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String && _strings.Length > 0 && JsonEquality.IsOneOfStrings(e, _strings)) return true;
        return _others.Length > 0 && JsonEquality.IsOneOf(e, _others);
    }

    /// <summary>True when the string <paramref name="s"/> equals one of the values (compared as UTF-8, as for JSON strings).</summary>
    public bool Contains(string s)
    {
        if (_strings.Length == 0) return false;
        byte[]? rented = null;
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(s.Length);
        System.Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        try
        {
            System.ReadOnlySpan<byte> utf8 = buffer.Slice(0, ValueChecks.Utf8(s, buffer));
            foreach (byte[] v in _strings)
            {
                if (System.MemoryExtensions.SequenceEqual(utf8, v)) return true;
            }
            return false;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}

using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace HppSchemaGen.Validation;

/// <summary>
/// Reads the content of a JSON string as UTF-8 without allocating when it has no escapes
/// (.NET 9+ reads the document's own bytes); escaped strings are decoded into a pooled buffer.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonStrings
{
    /// <summary>The UTF-8 content of <paramref name="e"/>. Return <paramref name="rented"/> with <see cref="Return"/>.</summary>
    /// <returns>False when the string holds escaped lone surrogates, which have no UTF-8 form.</returns>
    public static bool TryGetUtf8(JsonElement e, out ReadOnlySpan<byte> utf8, out byte[]? rented)
    {
        rented = null;
#if NET9_0_OR_GREATER
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(e);
        if (raw.Length >= 2 && raw[0] == (byte)'"') raw = raw.Slice(1, raw.Length - 2);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            utf8 = raw;
            return true;
        }
#endif
        string? s;
        try
        {
            s = e.GetString();
        }
        catch (InvalidOperationException)
        {
            utf8 = default;
            return false;
        }
        s ??= string.Empty;
        rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(s.Length)));
        int n = Encoding.UTF8.GetBytes(s, 0, s.Length, rented, 0);
        utf8 = rented.AsSpan(0, n);
        return true;
    }

    /// <summary>Returns a buffer rented by <see cref="TryGetUtf8"/>.</summary>
    public static void Return(byte[]? rented)
    {
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>Length in Unicode code points, as JSON Schema counts <c>minLength</c>/<c>maxLength</c>.</summary>
    public static long CodePointLength(JsonElement e)
    {
        if (!TryGetUtf8(e, out ReadOnlySpan<byte> utf8, out byte[]? rented))
        {
            // Lone surrogates: count UTF-16 units, each surrogate half counts as one code point.
            return e.GetRawText().Length - 2;
        }
        long count = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) != 0x80) count++;
        }
        Return(rented);
        return count;
    }
}

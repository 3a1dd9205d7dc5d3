using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using HppSchemaGen.Validation;

namespace HppSchemaGen.Serialization;

/// <summary>
/// The steps of the generated one-pass readers (<c>Read</c> in the context's <c>__T_</c> classes), one call per member. Each reads
/// the current token exactly as the context's converter would, or returns false when the token is
/// one the reader must not interpret (then <c>Parse</c> validates the bytes first): another JSON
/// type, a null, a number the CLR type does not hold exactly, a date or uuid not in its RFC form.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReading
{
    /// <summary><see cref="Next"/>: the end of the object.</summary>
    public const int End = -1;

    /// <summary><see cref="Next"/>: a member the record does not name; the reader is on its name.</summary>
    public const int Unknown = -2;

    /// <summary><see cref="Next"/>: a member the reader must not interpret (the bytes must be validated).</summary>
    public const int GiveUp = -3;

    /// <summary>
    /// Moves to the next member of an object: the position of its name in <paramref name="names"/>
    /// (the reader then on its value), <see cref="End"/>, <see cref="Unknown"/>, or
    /// <see cref="GiveUp"/> for a member seen before (a duplicate the schema must judge).
    /// </summary>
    public static int Next(ref Utf8JsonReader r, NameTable names, ref ulong seen)
    {
        if (!r.Read()) return GiveUp;
        if (r.TokenType != JsonTokenType.PropertyName) return r.TokenType == JsonTokenType.EndObject ? End : GiveUp;
        int i = r.ValueIsEscaped || r.HasValueSequence ? FindEscaped(ref r, names) : names.Find(r.ValueSpan);
        if (i == GiveUp) return GiveUp;
        if (i < 0) return Unknown;
        ulong bit = 1UL << i;
        if ((seen & bit) != 0 || !r.Read()) return GiveUp;
        seen |= bit;
        return i;
    }

    /// <summary>A name written with escapes (or split across segments): compared unescaped; a long one or one that escapes a lone surrogate gives up.</summary>
    private static int FindEscaped(ref Utf8JsonReader r, NameTable names)
    {
        // Unescaping never lengthens a name, so its raw length bounds the buffer.
        int length = r.HasValueSequence ? (int)Math.Min(r.ValueSequence.Length, int.MaxValue) : r.ValueSpan.Length;
        if (length > 256) return GiveUp;
        Span<byte> buffer = stackalloc byte[256];
        try
        {
            int n = r.CopyString(buffer);
            return names.Find(buffer.Slice(0, n));
        }
        catch (InvalidOperationException)
        {
            return GiveUp; // a lone surrogate has no UTF-8 form: the bytes must be validated
        }
    }

    /// <summary>A member the record keeps as JSON (extension data); a name seen twice is a duplicate.</summary>
    public static bool Extension(ref Utf8JsonReader r, ref Dictionary<string, JsonElement>? extension)
    {
        string name = r.GetString()!;
        if (!r.Read()) return false;
        return (extension ??= new Dictionary<string, JsonElement>()).TryAdd(name, JsonElement.ParseValue(ref r));
    }

    /// <summary>A string.</summary>
    public static bool String(ref Utf8JsonReader r, out string value)
    {
        value = r.TokenType == JsonTokenType.String ? r.GetString()! : null!;
        return value is not null;
    }

    /// <summary>true or false.</summary>
    public static bool Boolean(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>An integer that fits a long, written without fraction or exponent the reader would refuse.</summary>
    public static bool Int64(ref Utf8JsonReader r, out long value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetInt64(out value);
    }

    /// <summary>An integer that fits an int.</summary>
    public static bool Int32(ref Utf8JsonReader r, out int value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetInt32(out value);
    }

    /// <summary>A number that fits a double: finite (<c>1e400</c> reads as infinity, which cannot be written back).</summary>
    public static bool Double(ref Utf8JsonReader r, out double value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetDouble(out value) && double.IsFinite(value);
    }

    /// <summary>A number that fits a float: finite.</summary>
    public static bool Single(ref Utf8JsonReader r, out float value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetSingle(out value) && float.IsFinite(value);
    }

    /// <summary>A number that fits a decimal.</summary>
    public static bool Decimal(ref Utf8JsonReader r, out decimal value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out value);
    }

    /// <summary>An RFC 3339 date-time (what <c>format: date-time</c> accepts) that the converter reads too.</summary>
    public static bool DateTimeOffset(ref Utf8JsonReader r, out DateTimeOffset value)
    {
        value = default;
        return r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && Formats.IsDateTime(r.ValueSpan) && r.TryGetDateTimeOffset(out value);
    }

    /// <summary>An RFC 4122 uuid that the converter reads too.</summary>
    public static bool Guid(ref Utf8JsonReader r, out Guid value)
    {
        value = default;
        return r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && Formats.IsUuid(r.ValueSpan) && r.TryGetGuid(out value);
    }

    /// <summary>Any JSON value, kept as is.</summary>
    public static bool Element(ref Utf8JsonReader r, out JsonElement value)
    {
        value = JsonElement.ParseValue(ref r);
        return true;
    }

    /// <summary>A string that becomes an open enum value (<c>From</c>), as the enum's converter reads it.</summary>
    public static bool Enum<T>(ref Utf8JsonReader r, Func<string, T> from, out T value)
    {
        value = r.TokenType == JsonTokenType.String ? from(r.GetString()!) : default!;
        return r.TokenType == JsonTokenType.String;
    }

    /// <summary>A list of records; a null item is kept (it is written back, and validated, as null).</summary>
    public static bool Records<T>(ref Utf8JsonReader r, FastReader<T> item, out List<T> value)
        where T : class
        => Items(ref r, item, static (FastReader<T> read, ref Utf8JsonReader reader, out T v) =>
        {
            bool ok = read(ref reader, out T? got);
            v = got!;
            return ok;
        }, out value);

    /// <summary>A list of open enum values; a null item is kept.</summary>
    public static bool Enums<T>(ref Utf8JsonReader r, Func<string, T> from, out List<T> value)
        where T : class
        => Items(ref r, from, static (Func<string, T> make, ref Utf8JsonReader reader, out T v) => Enum(ref reader, make, out v), out value);

    /// <summary>A list of strings; a null item is kept.</summary>
    public static bool Strings(ref Utf8JsonReader r, out List<string> value)
        => Items(ref r, 0, static (int _, ref Utf8JsonReader reader, out string v) => String(ref reader, out v), out value);

    /// <summary>A list of JSON values.</summary>
    public static bool Elements(ref Utf8JsonReader r, out List<JsonElement> value)
        => Items(ref r, 0, static (int _, ref Utf8JsonReader reader, out JsonElement v) => Element(ref reader, out v), out value);

    private delegate bool ItemReader<TState, T>(TState state, ref Utf8JsonReader r, out T value);

    /// <summary>The items of an array, each by <paramref name="read"/>; a JSON null item of a reference type is kept as null.</summary>
    private static bool Items<TState, T>(ref Utf8JsonReader r, TState state, ItemReader<TState, T> read, out List<T> value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = new List<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.Null && default(T) is null) list.Add(default!);
            else if (read(state, ref r, out T item)) list.Add(item);
            else return false;
        }
        value = list;
        return true;
    }
}

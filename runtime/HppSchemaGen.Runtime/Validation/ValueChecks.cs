using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HppSchemaGen.Validation;

/// <summary>A generated validator of a value built in code (a record, a list, a string ...): the same contract as <see cref="NodeValidator"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ValueValidator<in T>(T value, ValidationCollector? c, string ip, string kp);

/// <summary>A generated element validator of a set that uses <c>$dynamicRef</c>: it takes the packed dynamic scope.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ScopedNodeValidator(JsonElement e, ValidationCollector? c, string ip, string kp, ulong ds);

/// <summary>
/// The assertions of validators over values built in code. Each is the typed twin of the
/// <see cref="Checks"/> method of the same name: it judges the value as the generated context
/// would write it, and reports the same message at the same location, so <c>value.Validate()</c>
/// equals validating the serialized JSON. Keywords a value cannot be judged on directly are
/// validated on the serialized value instead (<c>ViaJson</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueChecks
{
    private const int StackBytes = 512;

    /// <summary>The JSON value <c>null</c>: what a null member or item is written as.</summary>
    public static readonly JsonElement Null = JsonEquality.Parse("null");

    /// <summary>
    /// The fallback for keywords judged on JSON text (<c>uniqueItems</c>, <c>unevaluated*</c>,
    /// numbers other than integers ...): serializes <paramref name="value"/> with the context's own
    /// metadata and validates the result. Allocates; only schemas that need it take this path.
    /// </summary>
    public static bool ViaJson<T>(T value, JsonSerializerOptions options, NodeValidator node, ValidationCollector? c, string ip, string kp)
    {
        JsonElement e = JsonSerializer.SerializeToElement(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        return node(e, c, ip, kp);
    }

    /// <summary>The fallback above in a set that uses <c>$dynamicRef</c>: the scope reached so far goes along.</summary>
    public static bool ViaJson<T>(T value, JsonSerializerOptions options, ScopedNodeValidator node, ulong ds, ValidationCollector? c, string ip, string kp)
    {
        JsonElement e = JsonSerializer.SerializeToElement(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        return node(e, c, ip, kp, ds);
    }

    /// <summary><c>type</c>, for a value whose JSON type is fixed by its CLR type (<paramref name="actual"/>: one flag).</summary>
    public static bool Type(JsonTypes types, JsonTypes actual, ValidationCollector? c, string ip, string kp)
    {
        // An integer (a long written as digits) is a number, an integer and a draft-04 integer literal.
        JsonTypes accepted = actual == JsonTypes.Integer ? JsonTypes.Integer | JsonTypes.IntegerLiteral | JsonTypes.Number : actual;
        if ((types & accepted) != 0) return true;
        c?.Add(ip, kp + "/type", "Expected " + Checks.Names(types) + " but found " + NameOf(actual) + ".");
        return false;
    }

    private static string NameOf(JsonTypes actual) => actual switch
    {
        JsonTypes.Object => "object",
        JsonTypes.Array => "array",
        JsonTypes.String => "string",
        JsonTypes.Integer => "integer",
        JsonTypes.Boolean => "boolean",
        _ => "number",
    };

    /// <summary><c>enum</c> over a string value.</summary>
    public static bool Enum(string s, JsonValues values, ValidationCollector? c, string ip, string kp)
    {
        if (values.Contains(s)) return true;
        c?.Add(ip, kp + "/enum", "Value must be one of " + values.Text + ".");
        return false;
    }

    /// <summary><c>const</c> over a string value.</summary>
    public static bool Const(string s, JsonValues value, ValidationCollector? c, string ip, string kp)
    {
        if (value.Contains(s)) return true;
        c?.Add(ip, kp + "/const", "Value must be " + value.Text + ".");
        return false;
    }

    /// <summary><c>minLength</c>, in code points.</summary>
    public static bool MinLength(string s, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (CodePoints(s) >= limit) return true;
        c?.Add(ip, kp + "/minLength", "String is shorter than " + Text(limit) + " characters.");
        return false;
    }

    /// <summary><c>maxLength</c>, in code points.</summary>
    public static bool MaxLength(string s, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (CodePoints(s) <= limit) return true;
        c?.Add(ip, kp + "/maxLength", "String is longer than " + Text(limit) + " characters.");
        return false;
    }

    /// <summary><c>pattern</c>.</summary>
    public static bool Pattern(string s, Pattern pattern, ValidationCollector? c, string ip, string kp)
    {
        if (pattern.IsMatch(s)) return true;
        c?.Add(ip, kp + "/pattern", "String does not match the pattern " + Checks.Shorten(pattern.Text) + ".");
        return false;
    }

    /// <summary><c>format</c>, judged on the string's UTF-8 bytes as for JSON values.</summary>
    public static bool Format(string s, string format, ValidationCollector? c, string ip, string kp)
    {
        byte[]? rented = null;
        int max = Encoding.UTF8.GetMaxByteCount(s.Length);
        Span<byte> buffer = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        bool valid;
        try
        {
            valid = Formats.Check(buffer.Slice(0, Utf8(s, buffer)), format);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        if (valid) return true;
        c?.Add(ip, kp + "/format", "String is not a valid " + format + ".");
        return false;
    }

    /// <summary><c>minimum</c> over an integer: exact (a long always fits a decimal).</summary>
    public static bool Minimum(long v, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp)
    {
        if (Compare(v, limit, limitDouble) >= 0) return true;
        c?.Add(ip, kp + "/minimum", "Number is less than " + text + ".");
        return false;
    }

    /// <summary><c>maximum</c> over an integer.</summary>
    public static bool Maximum(long v, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp)
    {
        if (Compare(v, limit, limitDouble) <= 0) return true;
        c?.Add(ip, kp + "/maximum", "Number is greater than " + text + ".");
        return false;
    }

    /// <summary><c>exclusiveMinimum</c> (or draft-04's exclusive <c>minimum</c>) over an integer.</summary>
    public static bool ExclusiveMinimum(long v, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp, string keyword = "/exclusiveMinimum")
    {
        if (Compare(v, limit, limitDouble) > 0) return true;
        c?.Add(ip, kp + keyword, "Number must be greater than " + text + ".");
        return false;
    }

    /// <summary><c>exclusiveMaximum</c> (or draft-04's exclusive <c>maximum</c>) over an integer.</summary>
    public static bool ExclusiveMaximum(long v, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp, string keyword = "/exclusiveMaximum")
    {
        if (Compare(v, limit, limitDouble) < 0) return true;
        c?.Add(ip, kp + keyword, "Number must be less than " + text + ".");
        return false;
    }

    /// <summary><c>multipleOf</c> over an integer, decided as for the JSON number.</summary>
    public static bool MultipleOf(long v, decimal? divisor, double divisorDouble, string text, ValidationCollector? c, string ip, string kp)
    {
        if (Numbers.IsMultipleOf(v, divisor, divisorDouble)) return true;
        c?.Add(ip, kp + "/multipleOf", "Number is not a multiple of " + text + ".");
        return false;
    }

    // A limit beyond decimal's range is beyond every long too: the double comparison decides its side.
    private static int Compare(long v, decimal? limit, double limitDouble)
        => limit.HasValue ? ((decimal)v).CompareTo(limit.Value) : ((double)v).CompareTo(limitDouble);

    /// <summary><c>minItems</c> over a list's count.</summary>
    public static bool MinItems(int count, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (count >= limit) return true;
        c?.Add(ip, kp + "/minItems", "Array has fewer than " + Text(limit) + " items.");
        return false;
    }

    /// <summary><c>maxItems</c> over a list's count.</summary>
    public static bool MaxItems(int count, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (count <= limit) return true;
        c?.Add(ip, kp + "/maxItems", "Array has more than " + Text(limit) + " items.");
        return false;
    }

    /// <summary><c>minProperties</c> over the number of members written.</summary>
    public static bool MinProperties(int count, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (count >= limit) return true;
        c?.Add(ip, kp + "/minProperties", "Object has fewer than " + Text(limit) + " properties.");
        return false;
    }

    /// <summary><c>maxProperties</c> over the number of members written.</summary>
    public static bool MaxProperties(int count, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (count <= limit) return true;
        c?.Add(ip, kp + "/maxProperties", "Object has more than " + Text(limit) + " properties.");
        return false;
    }

    /// <summary>One <c>required</c> member that is not written.</summary>
    public static bool Missing(string name, ValidationCollector? c, string ip, string kp)
    {
        c?.Add(ip, kp + "/required", "Required property '" + Checks.Shorten(name) + "' is missing.");
        return false;
    }

    /// <summary>True when the extension data holds <paramref name="name"/> (a member the context writes too).</summary>
    public static bool Has<TValue>(Dictionary<string, TValue>? members, string name) => members is not null && members.ContainsKey(name);

    /// <summary>Number of members in the extension data.</summary>
    public static int Count<TValue>(Dictionary<string, TValue>? members) => members?.Count ?? 0;

    /// <summary>Code points, as JSON Schema counts string length (a lone surrogate counts as one).</summary>
    private static long CodePoints(string s)
    {
        long n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                n--;
                i++;
            }
        }
        return n;
    }

    internal static int Utf8(string s, Span<byte> buffer)
    {
#if NET8_0_OR_GREATER
        return Encoding.UTF8.GetBytes(s.AsSpan(), buffer);
#else
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        bytes.CopyTo(buffer);
        return bytes.Length;
#endif
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

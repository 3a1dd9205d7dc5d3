using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>
/// The assertions generated validators call, one per keyword. Each returns true when the value
/// passes; on failure it records the error when a collector is given (the collecting pass) and
/// builds no string otherwise (the allocation-free boolean pass). A value of another JSON type
/// passes every type-specific keyword, as JSON Schema says.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Checks
{
    /// <summary>Marks the node failed; true when the caller should stop now (no collector: the boolean pass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Stop(ValidationCollector? c, ref bool ok)
    {
        ok = false;
        return c is null;
    }

    /// <summary><c>type</c>: one table lookup on the fast path, inlined into the generated validator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Type(JsonElement e, JsonTypes types, ValidationCollector? c, string ip, string kp)
        => ((int)types & KindFlags[(int)e.ValueKind & 7]) != 0 || TypeOtherwise(e, types, c, ip, kp);

    // JsonValueKind (Undefined, Object, Array, String, Number, True, False, Null) as JsonTypes flags.
    private static ReadOnlySpan<byte> KindFlags => new byte[] { 0, 1, 2, 4, 8, 32, 32, 64 };

    /// <summary>The value is not of a listed kind: it still passes as an integral number when <c>integer</c> is listed.</summary>
    private static bool TypeOtherwise(JsonElement e, JsonTypes types, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind == JsonValueKind.Number && (types & JsonTypes.Integer) != 0 && Numbers.IsInteger(e)) return true;
        if (e.ValueKind == JsonValueKind.Number && (types & JsonTypes.IntegerLiteral) != 0 && Numbers.IsIntegerLiteral(e)) return true;
        // Draft 4's integer is a literal without fraction or exponent: 2.0 is a number there, not "an integer".
        string found = (types & JsonTypes.IntegerLiteral) != 0 && e.ValueKind == JsonValueKind.Number && !Numbers.IsIntegerLiteral(e) ? "number" : Messages.KindOf(e);
        c?.Add(ip, kp + "/type", "Expected " + Names(types) + " but found " + found + ".");
        return false;
    }

    internal static string Names(JsonTypes types)
    {
        var parts = new System.Collections.Generic.List<string>(7);
        if ((types & JsonTypes.Object) != 0) parts.Add("object");
        if ((types & JsonTypes.Array) != 0) parts.Add("array");
        if ((types & JsonTypes.String) != 0) parts.Add("string");
        if ((types & (JsonTypes.Integer | JsonTypes.IntegerLiteral)) != 0) parts.Add("integer");
        if ((types & JsonTypes.Number) != 0) parts.Add("number");
        if ((types & JsonTypes.Boolean) != 0) parts.Add("boolean");
        if ((types & JsonTypes.Null) != 0) parts.Add("null");
        return string.Join(" or ", parts);
    }

    /// <summary><c>enum</c>.</summary>
    public static bool Enum(JsonElement e, JsonValues values, ValidationCollector? c, string ip, string kp)
    {
        if (values.Contains(e)) return true;
        c?.Add(ip, kp + "/enum", "Value must be one of " + values.Text + ".");
        return false;
    }

    /// <summary><c>const</c>.</summary>
    public static bool Const(JsonElement e, JsonValues value, ValidationCollector? c, string ip, string kp)
    {
        if (value.Contains(e)) return true;
        c?.Add(ip, kp + "/const", "Value must be " + value.Text + ".");
        return false;
    }

    /// <summary><c>minLength</c>, in code points.</summary>
    public static bool MinLength(JsonElement e, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.String || JsonStrings.CodePointLength(e) >= limit) return true;
        c?.Add(ip, kp + "/minLength", "String is shorter than " + Text(limit) + " characters.");
        return false;
    }

    /// <summary><c>maxLength</c>, in code points.</summary>
    public static bool MaxLength(JsonElement e, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.String || JsonStrings.CodePointLength(e) <= limit) return true;
        c?.Add(ip, kp + "/maxLength", "String is longer than " + Text(limit) + " characters.");
        return false;
    }

    /// <summary><c>pattern</c> (an unanchored search, as ECMA-262 does it).</summary>
    public static bool Pattern(JsonElement e, Pattern pattern, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.String || pattern.IsMatch(e)) return true;
        c?.Add(ip, kp + "/pattern", "String does not match the pattern " + Shorten(pattern.Text) + ".");
        return false;
    }

    /// <summary><c>format</c>, when asserted.</summary>
    public static bool Format(JsonElement e, string format, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.String || Formats.Check(e, format)) return true;
        c?.Add(ip, kp + "/format", "String is not a valid " + format + ".");
        return false;
    }

    /// <summary>Draft-07's content assertions: a base64 string, and/or (decoded) JSON text.</summary>
    public static bool Content(JsonElement e, bool base64, bool json, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.String) return true;
        string text = e.GetString() ?? string.Empty;
        byte[] bytes;
        if (base64)
        {
            try
            {
                bytes = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                c?.Add(ip, kp + "/contentEncoding", "String is not valid base64.");
                return false;
            }
        }
        else bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (!json) return true;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using JsonDocument _ = JsonDocument.ParseValue(ref reader);
            return true;
        }
        catch (JsonException)
        {
            c?.Add(ip, kp + "/contentMediaType", "Content is not valid JSON.");
            return false;
        }
    }

    /// <summary><c>minimum</c>: <paramref name="limit"/> exactly when it fits a decimal, else as a double.</summary>
    public static bool Minimum(JsonElement e, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Number || Numbers.Compare(e, limit, limitDouble) >= 0) return true;
        c?.Add(ip, kp + "/minimum", "Number is less than " + text + ".");
        return false;
    }

    /// <summary><c>maximum</c>.</summary>
    public static bool Maximum(JsonElement e, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Number || Numbers.Compare(e, limit, limitDouble) <= 0) return true;
        c?.Add(ip, kp + "/maximum", "Number is greater than " + text + ".");
        return false;
    }

    /// <summary><c>exclusiveMinimum</c> (or draft-04's <c>minimum</c> made exclusive: <paramref name="keyword"/>).</summary>
    public static bool ExclusiveMinimum(JsonElement e, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp, string keyword = "/exclusiveMinimum")
    {
        if (e.ValueKind != JsonValueKind.Number || Numbers.Compare(e, limit, limitDouble) > 0) return true;
        c?.Add(ip, kp + keyword, "Number must be greater than " + text + ".");
        return false;
    }

    /// <summary><c>exclusiveMaximum</c> (or draft-04's <c>maximum</c> made exclusive: <paramref name="keyword"/>).</summary>
    public static bool ExclusiveMaximum(JsonElement e, decimal? limit, double limitDouble, string text, ValidationCollector? c, string ip, string kp, string keyword = "/exclusiveMaximum")
    {
        if (e.ValueKind != JsonValueKind.Number || Numbers.Compare(e, limit, limitDouble) < 0) return true;
        c?.Add(ip, kp + keyword, "Number must be less than " + text + ".");
        return false;
    }

    /// <summary><c>multipleOf</c>: exact for decimals, correct beyond double.</summary>
    public static bool MultipleOf(JsonElement e, decimal? divisor, double divisorDouble, string text, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Number || Numbers.IsMultipleOf(e, divisor, divisorDouble)) return true;
        c?.Add(ip, kp + "/multipleOf", "Number is not a multiple of " + text + ".");
        return false;
    }

    /// <summary><c>minItems</c>.</summary>
    public static bool MinItems(JsonElement e, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() >= limit) return true;
        c?.Add(ip, kp + "/minItems", "Array has fewer than " + Text(limit) + " items.");
        return false;
    }

    /// <summary><c>maxItems</c>.</summary>
    public static bool MaxItems(JsonElement e, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() <= limit) return true;
        c?.Add(ip, kp + "/maxItems", "Array has more than " + Text(limit) + " items.");
        return false;
    }

    /// <summary><c>uniqueItems: true</c>.</summary>
    public static bool UniqueItems(JsonElement e, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Array || JsonEquality.AreItemsUnique(e)) return true;
        c?.Add(ip, kp + "/uniqueItems", "Array items are not unique.");
        return false;
    }

    /// <summary><c>minProperties</c>.</summary>
    public static bool MinProperties(JsonElement e, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Object || Messages.CountMembers(e) >= limit) return true;
        c?.Add(ip, kp + "/minProperties", "Object has fewer than " + Text(limit) + " properties.");
        return false;
    }

    /// <summary><c>maxProperties</c>.</summary>
    public static bool MaxProperties(JsonElement e, long limit, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Object || Messages.CountMembers(e) <= limit) return true;
        c?.Add(ip, kp + "/maxProperties", "Object has more than " + Text(limit) + " properties.");
        return false;
    }

    /// <summary><c>required</c>: one error per missing member.</summary>
    public static bool Required(JsonElement e, NameTable names, ValidationCollector? c, string ip, string kp)
    {
        if (e.ValueKind != JsonValueKind.Object) return true;
        bool ok = true;
        for (int i = 0; i < names.Count; i++)
        {
            if (names.IsPresent(e, i)) continue;
            if (c is null) return false;
            ok = false;
            c.Add(ip, kp + "/required", "Required property '" + Shorten(names[i]) + "' is missing.");
        }
        return ok;
    }

    /// <summary><c>dependentRequired</c> (or <c>dependencies</c>) for one member: <paramref name="names"/>[0] is the trigger.</summary>
    public static bool DependentRequired(JsonElement e, NameTable names, ValidationCollector? c, string ip, string kp, string keyword)
    {
        if (e.ValueKind != JsonValueKind.Object || !names.IsPresent(e, 0)) return true;
        bool ok = true;
        for (int i = 1; i < names.Count; i++)
        {
            if (names.IsPresent(e, i)) continue;
            if (c is null) return false;
            ok = false;
            c.Add(ip, kp + keyword, "Property '" + Shorten(names[i]) + "' is required when '" + Shorten(names[0]) + "' is present.");
        }
        return ok;
    }

    /// <summary>A keyword that fails whatever the value (an unresolvable reference, a cut cycle).</summary>
    public static bool Never(ValidationCollector? c, string ip, string kp, string keyword, string message)
    {
        c?.Add(ip, kp + keyword, message);
        return false;
    }

    /// <summary>The boolean schema <c>false</c>.</summary>
    public static bool False(ValidationCollector? c, string ip, string kp)
    {
        c?.Add(ip, kp, "No value is valid here (false schema).");
        return false;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}

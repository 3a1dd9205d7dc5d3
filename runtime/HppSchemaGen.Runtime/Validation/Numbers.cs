using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>
/// Numeric assertions judged on the JSON number itself: exactly as decimals where both sides fit
/// <see cref="decimal"/>, as doubles otherwise, and from the number's text when it overflows both
/// (<c>1e400</c>, 400-digit integers).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Numbers
{
    /// <summary>True for a number with no fractional part (<c>1.0</c> is an integer).</summary>
    public static bool IsInteger(JsonElement e)
    {
        if (e.TryGetDecimal(out decimal d) && !(d == 0m && !IsZeroText(e))) return d == decimal.Truncate(d) && !HasTinyFraction(e, d);
        if (e.TryGetDouble(out double x) && !double.IsInfinity(x) && !(x == 0 && !IsZeroText(e))) return Math.Floor(x) == x;
        return IsIntegerText(e.GetRawText());
    }

    // decimal keeps 28 fractional digits: 1.0000000000000000000000000000001 parses to 1 at full scale.
    // Only then (rare, and never for plain integers) does the text decide.
    private static bool HasTinyFraction(JsonElement e, decimal d)
        => d.Scale >= 27 && !IsIntegerText(e.GetRawText());

    /// <summary>Sign of (<paramref name="e"/> - limit), the limit given as decimal when it fits, and as double.</summary>
    public static int Compare(JsonElement e, decimal? limit, double limitDouble)
    {
        if (limit.HasValue && e.TryGetDecimal(out decimal d) && !(d == 0m && !IsZeroText(e))) return d.CompareTo(limit.Value);
        if (e.TryGetDouble(out double x) && !double.IsInfinity(x))
        {
            // Underflow: 1e-400 reads as 0 but is not zero; against a zero limit only its sign matters.
            if (x == 0 && limitDouble == 0 && !IsZeroText(e)) return e.GetRawText()[0] == '-' ? -1 : 1;
            return x.CompareTo(limitDouble);
        }
        // Overflows double: beyond every finite limit, on the side of its sign.
        string text = e.GetRawText();
        return text.Length > 0 && text[0] == '-' ? -1 : 1;
    }

    /// <summary>True when <paramref name="e"/> divided by the divisor is an integer.</summary>
    public static bool IsMultipleOf(JsonElement e, decimal? divisor, double divisorDouble)
    {
        if (divisor.HasValue && divisor.Value != 0m && e.TryGetDecimal(out decimal d))
        {
            try
            {
                return d % divisor.Value == 0m;
            }
            catch (OverflowException)
            {
            }
        }
        if (!e.TryGetDouble(out double x) || double.IsInfinity(x)) return false;
        return IsMultipleOf(x, divisorDouble);
    }

    /// <summary>True when the integer <paramref name="v"/> divided by the divisor is an integer, decided as for the JSON number <paramref name="v"/> is written as.</summary>
    public static bool IsMultipleOf(long v, decimal? divisor, double divisorDouble)
    {
        if (divisor.HasValue && divisor.Value != 0m)
        {
            try
            {
                return v % divisor.Value == 0m;
            }
            catch (OverflowException)
            {
            }
        }
        return IsMultipleOf((double)v, divisorDouble);
    }

    private static bool IsMultipleOf(double x, double divisorDouble)
    {
        double q = x / divisorDouble;
        if (double.IsNaN(q)) return false;
        // The quotient overflows (1e308 / 0.5): the exact remainder still decides.
        if (double.IsInfinity(q)) return Math.IEEERemainder(x, divisorDouble) == 0;
        return Math.Abs(q - Math.Round(q)) < 1e-9 * Math.Max(1.0, Math.Abs(q));
    }

    private static bool IsZeroText(JsonElement e)
    {
        foreach (char c in e.GetRawText())
        {
            if (c is 'e' or 'E') break;
            if (c is >= '1' and <= '9') return false;
        }
        return true;
    }

    /// <summary>Decides integrality from a JSON number's text, exactly, whatever its size.</summary>
    public static bool IsIntegerText(string text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-') i++;
        int intStart = i;
        while (i < text.Length && char.IsDigit(text[i])) i++;
        int fracStart = -1, fracEnd = -1;
        if (i < text.Length && text[i] == '.')
        {
            fracStart = ++i;
            while (i < text.Length && char.IsDigit(text[i])) i++;
            fracEnd = i;
        }
        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            string exp = text.Substring(i + 1);
            if (!long.TryParse(exp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                exponent = exp.StartsWith("-", StringComparison.Ordinal) ? long.MinValue / 2 : long.MaxValue / 2;
        }
        // Significant fractional digits (trailing zeros dropped) must be covered by the exponent.
        int significant = 0;
        if (fracStart >= 0)
        {
            int end = fracEnd;
            while (end > fracStart && text[end - 1] == '0') end--;
            significant = end - fracStart;
        }
        bool allZero = true;
        for (int k = intStart; k < text.Length && k < (fracEnd >= 0 ? fracEnd : i); k++)
        {
            if (text[k] is >= '1' and <= '9') { allZero = false; break; }
        }
        if (allZero) return true;
        if (exponent >= significant) return true;
        if (exponent >= 0) return false;
        // Negative exponent: the integer part's trailing zeros must absorb it.
        int trailingZeros = 0;
        for (int k = (fracStart >= 0 ? fracStart - 2 : i - 1); k >= intStart && text[k] == '0'; k--) trailingZeros++;
        return significant == 0 && -exponent <= trailingZeros;
    }

    /// <summary>True when the number is written with neither a fraction nor an exponent (draft-04's integer).</summary>
    public static bool IsIntegerLiteral(JsonElement e)
    {
#if NET9_0_OR_GREATER
        ReadOnlySpan<byte> raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(e);
        return raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
#else
        string raw = e.GetRawText();
        return raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
#endif
    }
}

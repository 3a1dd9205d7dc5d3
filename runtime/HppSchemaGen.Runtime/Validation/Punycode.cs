using System;

namespace HppSchemaGen.Validation;

/// <summary>
/// Punycode (RFC 3492), the Bootstring encoding of a U-label's code points into the part of its
/// A-label after "xn--". Works on code points in caller-provided spans, without allocating.
/// </summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 0x80;

    /// <summary>
    /// Decodes <paramref name="input"/> (ASCII letters, digits and hyphens) into <paramref name="output"/>.
    /// False when the input is malformed (a character that is no digit, a truncated number, overflow),
    /// decodes to a basic (ASCII), surrogate or out-of-range code point, or does not fit.
    /// </summary>
    public static bool Decode(ReadOnlySpan<int> input, Span<int> output, out int count)
    {
        count = 0;
        int pos = 0;
        // The basic code points are those before the last delimiter; with none before it, the
        // delimiter is not one and is read (and rejected) as a digit below.
        int delimiter = input.LastIndexOf((int)'-');
        if (delimiter > 0)
        {
            if (delimiter > output.Length) return false;
            for (int j = 0; j < delimiter; j++)
            {
                if (input[j] >= 0x80) return false;
                output[j] = input[j];
            }
            count = delimiter;
            pos = delimiter + 1;
        }
        int n = InitialN, i = 0, bias = InitialBias;
        while (pos < input.Length)
        {
            int oldI = i, w = 1;
            for (int k = Base; ; k += Base)
            {
                if (pos >= input.Length) return false;
                int digit = DigitValue(input[pos++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w) return false;
                i += digit * w;
                int t = Threshold(k, bias);
                if (digit < t) break;
                if (w > int.MaxValue / (Base - t)) return false;
                w *= Base - t;
            }
            bias = Adapt(i - oldI, count + 1, oldI == 0);
            if (i / (count + 1) > int.MaxValue - n) return false;
            n += i / (count + 1);
            i %= count + 1;
            if (n < 0x80 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || count == output.Length) return false;
            output.Slice(i, count - i).CopyTo(output.Slice(i + 1));
            output[i++] = n;
            count++;
        }
        return true;
    }

    /// <summary>
    /// Encodes <paramref name="input"/> into <paramref name="output"/> as lower-case ASCII code points;
    /// false when the result does not fit (or on overflow, which no valid label reaches).
    /// </summary>
    public static bool Encode(ReadOnlySpan<int> input, Span<int> output, out int written)
    {
        written = 0;
        int basic = 0;
        foreach (int c in input)
        {
            if (c >= 0x80) continue;
            if (written == output.Length) return false;
            output[written++] = c;
            basic++;
        }
        if (basic > 0)
        {
            if (written == output.Length) return false;
            output[written++] = '-';
        }
        int n = InitialN, delta = 0, bias = InitialBias, handled = basic;
        while (handled < input.Length)
        {
            int m = int.MaxValue;
            foreach (int c in input)
            {
                if (c >= n && c < m) m = c;
            }
            if (m - n > (int.MaxValue - delta) / (handled + 1)) return false;
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (int c in input)
            {
                if (c < n)
                {
                    if (delta == int.MaxValue) return false;
                    delta++;
                }
                else if (c == n)
                {
                    int q = delta;
                    for (int k = Base; ; k += Base)
                    {
                        int t = Threshold(k, bias);
                        if (q < t) break;
                        if (written == output.Length) return false;
                        output[written++] = DigitChar(t + (q - t) % (Base - t));
                        q = (q - t) / (Base - t);
                    }
                    if (written == output.Length) return false;
                    output[written++] = DigitChar(q);
                    bias = Adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return true;
    }

    private static int Threshold(int k, int bias) => k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;

    private static int Adapt(int delta, int numPoints, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        int k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }

    private static int DigitValue(int c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static int DigitChar(int d) => d < 26 ? 'a' + d : '0' + d - 26;
}

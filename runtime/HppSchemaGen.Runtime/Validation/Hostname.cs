using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace HppSchemaGen.Validation;

/// <summary>
/// The <c>hostname</c> and <c>idn-hostname</c> formats.
/// </summary>
/// <remarks>
/// <para>
/// A host name is a sequence of labels separated by dots (for <c>idn-hostname</c> also U+3002, U+FF0E and
/// U+FF61, RFC 3490 3.1); an empty label, hence a leading, trailing or doubled dot, is invalid. Each label
/// is 1-63 octets and the whole name at most 253 octets, counted in its ASCII form (A-labels for U-labels).
/// </para>
/// <para>
/// An ASCII label is an RFC 1123 LDH label (letters, digits, inner hyphens); "--" in positions 3 and 4 is
/// reserved for A-labels ("xn--", RFC 5890 2.3.1). An A-label must be well-formed Punycode that decodes
/// to a valid U-label with at least one non-ASCII code point and encodes back to itself (RFC 5891 5.4).
/// A U-label (the only place non-ASCII text may appear, and only for <c>idn-hostname</c>) is in NFC,
/// has no hyphen first, last or in positions 3 and 4, does not begin with a combining mark, and holds only
/// PVALID code points and CONTEXTJ/CONTEXTO ones whose rules of RFC 5892 Appendix A hold (RFC 5891 5.4).
/// When any label is right-to-left, every label must satisfy the Bidi rule of RFC 5893.
/// </para>
/// <para>
/// DNS names are case-insensitive in ASCII, so ASCII letters are lower-cased first, in U-labels too: the
/// basic code points of a U-label are those of its A-label, whose letter case does not matter. Upper-case
/// letters outside ASCII are DISALLOWED by IDNA2008 and fail. Nothing is mapped (no UTS #46 processing):
/// a full-width letter or a compatibility character fails rather than being folded into a valid one.
/// </para>
/// <para>
/// ASCII names are checked without allocating. The NFC test of a non-ASCII label uses
/// <see cref="string.IsNormalized(NormalizationForm)"/>, which in globalization-invariant mode accepts
/// every label.
/// </para>
/// </remarks>
internal static class Hostname
{
    private const int MaxLabel = 63, MaxName = 253, AcePrefixLength = 4;

    public static bool IsValid(ReadOnlySpan<byte> s, bool idn)
    {
        if (s.Length == 0) return false;
        Span<int> label = stackalloc int[MaxLabel];
        Span<int> decoded = stackalloc int[MaxLabel];
        int length = -1, i = 0;
        bool anyRtl = false, allBidi = true;
        while (true)
        {
            int n = 0, separator = 0;
            bool ascii = true;
            while (i < s.Length)
            {
                int cp = s[i], size = 1;
                if (cp >= 0x80)
                {
                    if (!idn || Rune.DecodeFromUtf8(s.Slice(i), out Rune rune, out size) != OperationStatus.Done) return false;
                    cp = rune.Value;
                    if (cp is 0x3002 or 0xFF0E or 0xFF61)
                    {
                        separator = size;
                        break;
                    }
                    ascii = false;
                }
                else if (cp == '.')
                {
                    separator = 1;
                    break;
                }
                else if (cp is >= 'A' and <= 'Z')
                {
                    cp += 'a' - 'A';
                }
                // A U-label of 64 code points or more needs more than 63 octets as an A-label.
                if (n == MaxLabel) return false;
                label[n++] = cp;
                i += size;
            }
            if (n == 0) return false;
            if (!IsLabel(label.Slice(0, n), ascii, decoded, out int octets, out bool rtl, out bool bidi)) return false;
            length += octets + 1;
            anyRtl |= rtl;
            allBidi &= bidi;
            if (i == s.Length) break;
            i += separator;
        }
        return length <= MaxName && (!anyRtl || allBidi);
    }

    /// <summary>
    /// <see cref="IsValid"/> for <c>idn-hostname</c> after normalizing <paramref name="s"/> to NFC (it
    /// allocates when <paramref name="s"/> is not ASCII).
    /// </summary>
    public static bool IsValidInNfc(ReadOnlySpan<byte> s)
    {
        if (s.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0) return IsValid(s, idn: true);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(s);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return IsValid(Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormC)), idn: true);
    }

    /// <summary>
    /// Checks one label (ASCII letters already lower-case). <paramref name="octets"/> is its length as
    /// an A-label or LDH label; <paramref name="rtl"/> whether it is an RTL label and
    /// <paramref name="bidi"/> whether it satisfies the Bidi rule, for the name-wide Bidi check.
    /// </summary>
    private static bool IsLabel(ReadOnlySpan<int> label, bool ascii, Span<int> scratch, out int octets, out bool rtl, out bool bidi)
    {
        octets = label.Length;
        rtl = false;
        bidi = true;
        if (ascii)
        {
            foreach (int c in label)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return false;
            }
            if (label[0] == '-' || label[label.Length - 1] == '-') return false;
            if (label.Length < AcePrefixLength || label[2] != '-' || label[3] != '-')
            {
                // An LDH label: letters are L, digits EN and hyphens ON to the Bidi rule, so the rule
                // holds when it starts with a letter (and it cannot end with a hyphen).
                bidi = label[0] is >= 'a' and <= 'z';
                return true;
            }
            if (label[0] != 'x' || label[1] != 'n') return false;
            // An A-label: the U-label it stands for must be valid, and be its only encoding.
            ReadOnlySpan<int> encoded = label.Slice(AcePrefixLength);
            if (!Punycode.Decode(encoded, scratch, out int count)) return false;
            Span<int> uLabel = scratch.Slice(0, count);
            Span<int> again = stackalloc int[MaxLabel - AcePrefixLength];
            if (!HasNonAscii(uLabel) || !Punycode.Encode(uLabel, again, out int written) || !again.Slice(0, written).SequenceEqual(encoded)) return false;
            return IsULabel(uLabel, out rtl, out bidi);
        }
        Span<int> aLabel = stackalloc int[MaxLabel - AcePrefixLength];
        if (!Punycode.Encode(label, aLabel, out int length)) return false;
        octets = AcePrefixLength + length;
        return IsULabel(label, out rtl, out bidi);
    }

    private static bool HasNonAscii(ReadOnlySpan<int> label)
    {
        foreach (int c in label)
        {
            if (c >= 0x80) return true;
        }
        return false;
    }

    /// <summary>RFC 5891 5.4 validation of a U-label (ASCII letters lower-case), and its Bidi properties.</summary>
    private static bool IsULabel(ReadOnlySpan<int> u, out bool rtl, out bool bidi)
    {
        rtl = false;
        bidi = false;
        int n = u.Length;
        // RFC 5891 4.2.3.1: hyphen rules.
        if (u[0] == '-' || u[n - 1] == '-' || (n >= 4 && u[2] == '-' && u[3] == '-')) return false;
        // RFC 5891 4.2.3.2: no leading combining mark.
        if (u[0] >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(u[0]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) return false;

        bool arabicIndic = false, extendedArabicIndic = false, katakanaMiddleDot = false, hiraganaKatakanaHan = false, composable = false;
        for (int k = 0; k < n; k++)
        {
            int cp = u[k];
            if (cp < 0x80)
            {
                if (!(cp is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return false;
                continue;
            }
            composable |= cp >= 0x300;
            switch (Idna.Classify(cp))
            {
                case Idna.PValid:
                    hiraganaKatakanaHan = hiraganaKatakanaHan || Idna.IsHiraganaKatakanaHan(cp);
                    break;
                case Idna.ContextJ:
                    // RFC 5892 A.1 and A.2: ZERO WIDTH (NON-)JOINER after a virama; ZWNJ also inside a
                    // cursive joining context.
                    if (k > 0 && Idna.IsVirama(u[k - 1])) break;
                    if (cp == 0x200D || !IsInJoiningContext(u, k)) return false;
                    break;
                case Idna.ContextO:
                    switch (cp)
                    {
                        case 0x00B7: // A.3 MIDDLE DOT: between two 'l's
                            if (k == 0 || k == n - 1 || u[k - 1] != 'l' || u[k + 1] != 'l') return false;
                            break;
                        case 0x0375: // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
                            if (k == n - 1 || !Idna.IsGreek(u[k + 1])) return false;
                            break;
                        case 0x05F3: // A.5, A.6 HEBREW PUNCTUATION GERESH, GERSHAYIM: preceded by Hebrew
                        case 0x05F4:
                            if (k == 0 || !Idna.IsHebrew(u[k - 1])) return false;
                            break;
                        case 0x30FB: // A.9 KATAKANA MIDDLE DOT: with Hiragana, Katakana or Han in the label
                            katakanaMiddleDot = true;
                            break;
                        default: // A.8, A.9: ARABIC-INDIC and EXTENDED ARABIC-INDIC DIGITs do not mix
                            if (cp <= 0x0669) arabicIndic = true;
                            else extendedArabicIndic = true;
                            break;
                    }
                    break;
                default:
                    return false;
            }
        }
        if ((katakanaMiddleDot && !hiraganaKatakanaHan) || (arabicIndic && extendedArabicIndic)) return false;
        if (composable && !IsNfc(u)) return false;
        CheckBidi(u, out rtl, out bidi);
        return true;
    }

    /// <summary>RFC 5892 A.1: (Joining_Type:{L,D})(Joining_Type:T)* ZWNJ (Joining_Type:T)*(Joining_Type:{R,D}).</summary>
    private static bool IsInJoiningContext(ReadOnlySpan<int> u, int k)
    {
        int j = k - 1;
        while (j >= 0 && Idna.JoiningType(u[j]) == Idna.JoinT) j--;
        if (j < 0 || Idna.JoiningType(u[j]) is not (Idna.JoinL or Idna.JoinD)) return false;
        j = k + 1;
        while (j < u.Length && Idna.JoiningType(u[j]) == Idna.JoinT) j++;
        return j < u.Length && (Idna.JoiningType(u[j]) is Idna.JoinR or Idna.JoinD);
    }

    /// <summary>
    /// RFC 5893: <paramref name="rtl"/> when the label holds R, AL or AN; <paramref name="bidi"/> when
    /// it satisfies the six conditions of the Bidi rule (section 2).
    /// </summary>
    private static void CheckBidi(ReadOnlySpan<int> u, out bool rtl, out bool bidi)
    {
        int first = Idna.BidiClass(u[0]), last = first;
        bool l = false, r = false, en = false, an = false;
        foreach (int cp in u)
        {
            int c = Idna.BidiClass(cp);
            switch (c)
            {
                case Idna.BidiL: l = true; break;
                case Idna.BidiR: r = true; break;
                case Idna.BidiEN: en = true; break;
                case Idna.BidiAN: an = true; break;
            }
            if (c != Idna.BidiNSM) last = c;
        }
        rtl = r || an;
        bidi = first switch
        {
            // Conditions 5 and 6: no R, AL or AN; ends with L or EN, then NSMs.
            Idna.BidiL => !r && !an && (last is Idna.BidiL or Idna.BidiEN),
            // Conditions 2, 3 and 4: no L; ends with R, AL, EN or AN, then NSMs; not both EN and AN.
            Idna.BidiR => !l && (last is Idna.BidiR or Idna.BidiEN or Idna.BidiAN) && !(en && an),
            // Condition 1: the first character is L, R or AL.
            _ => false,
        };
    }

    private static bool IsNfc(ReadOnlySpan<int> u)
    {
        Span<char> chars = stackalloc char[2 * MaxLabel];
        int length = 0;
        foreach (int cp in u) length += new Rune(cp).EncodeToUtf16(chars.Slice(length));
#if NET10_0_OR_GREATER
        return ((ReadOnlySpan<char>)chars.Slice(0, length)).IsNormalized(NormalizationForm.FormC);
#else
        return new string(chars.Slice(0, length)).IsNormalized(NormalizationForm.FormC);
#endif
    }
}

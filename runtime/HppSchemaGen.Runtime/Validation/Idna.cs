using System;
using System.Globalization;
using System.Text;

namespace HppSchemaGen.Validation;

/// <summary>
/// The IDNA2008 code point data the host name check needs: the derived property values of RFC 5892
/// (PVALID, CONTEXTJ, CONTEXTO, DISALLOWED), and for the contextual rules of its Appendix A and the
/// Bidi rule of RFC 5893 the Bidi_Class, Joining_Type, virama (Canonical_Combining_Class 9) and
/// Script values they consult.
/// </summary>
/// <remarks>
/// <para>
/// Most of RFC 5892 section 3 is computed from the running .NET's Unicode data: a code point is PVALID
/// when its general category is one of Ll, Lu, Lo, Nd, Lm, Mn, Mc (LetterDigits), it is not changed by
/// lower-casing (Unstable, simple case mapping) and it is not in <see cref="DisallowedLetters"/>. That table
/// holds what .NET does not expose as properties: code points of those categories that NFKC or case
/// folding (but not lower-casing) change (Unstable), Default_Ignorable_Code_Point, the ignorable blocks
/// (20D0-20FF, 1D100-1D24F) and old Hangul jamo. Cherokee capitals are the one place where lower-casing
/// and case folding disagree the other way (folding maps the small letters to them), so they stay PVALID.
/// </para>
/// <para>
/// The tables come from the Unicode Character Database: general categories of Unicode 16.0 (.NET 10's
/// data), Bidi_Class, Canonical_Combining_Class and Script of Unicode 15.0 (ICU) completed with the 16.0
/// additions, Joining_Type of Unicode 17.0. They hold only code points that can occur in a valid label,
/// with ranges merged over code points that cannot (those are rejected before a table is consulted),
/// which keeps them small. <see cref="Classify"/>, <see cref="BidiClass"/>, <see cref="JoiningType"/>
/// and the script and virama tests were compared, code point by code point, with independent IDNA2008
/// tables (Unicode 17.0) and the UCD values for every code point .NET 10 assigns: no differences. Code
/// points of later Unicode versions fall back to the category rules, which is right for nearly all of
/// them; re-derive the tables when .NET moves to a newer Unicode version.
/// </para>
/// </remarks>
internal static class Idna
{
    internal const int Disallowed = 0, PValid = 1, ContextJ = 2, ContextO = 3;

    /// <summary>The IDNA2008 derived property value of a non-ASCII code point (RFC 5892 section 2).</summary>
    internal static int Classify(int cp)
    {
        switch (cp)
        {
            // RFC 5892 section 2.6, Exceptions.
            case 0x00DF: case 0x03C2: case 0x06FD: case 0x06FE: case 0x0F0B: case 0x3007:
                return PValid;
            case 0x00B7: case 0x0375: case 0x05F3: case 0x05F4: case 0x30FB:
                return ContextO;
            case 0x0640: case 0x07FA: case 0x302E: case 0x302F: case 0x3031: case 0x3032: case 0x3033:
            case 0x3034: case 0x3035: case 0x303B:
                return Disallowed;
            // Section 2.5, JoinControl.
            case 0x200C: case 0x200D:
                return ContextJ;
        }
        if ((uint)(cp - 0x0660) <= 9 || (uint)(cp - 0x06F0) <= 9) return ContextO;
        UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        if (cat is not (UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark))
        {
            return Disallowed; // Unassigned, and everything outside LetterDigits
        }
        if (Find(DisallowedLetters, 2, cp) >= 0) return Disallowed;
        if (Rune.ToLowerInvariant(new Rune(cp)).Value != cp && (uint)(cp - 0x13A0) > 0x13F5 - 0x13A0) return Disallowed;
        return PValid;
    }

    internal const int BidiL = 0, BidiR = 1, BidiAN = 2, BidiEN = 3, BidiNSM = 4, BidiON = 5;

    /// <summary>
    /// The Bidi_Class of a code point that can occur in a valid label, folded to what RFC 5893 tells
    /// apart: L, R (R and AL), AN, EN, NSM and ON (ES, CS, ET, ON and BN, which the rule treats alike).
    /// </summary>
    internal static int BidiClass(int cp)
    {
        if (cp < 0x80) return cp is >= '0' and <= '9' ? BidiEN : cp == '-' ? BidiON : BidiL;
        switch (cp)
        {
            case 0x00B7: case 0x0375: case 0x30FB: case 0x200C: case 0x200D:
                return BidiON;
            case 0x05F3: case 0x05F4: case 0x06FD: case 0x06FE:
                return BidiR;
        }
        if ((uint)(cp - 0x0660) <= 9) return BidiAN;
        if ((uint)(cp - 0x06F0) <= 9) return BidiEN;
        int at = Find(Bidi, 3, cp);
        if (at >= 0) return Bidi[at + 2];
        return CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? BidiNSM : BidiL;
    }

    internal const int JoinU = 0, JoinT = 1, JoinD = 2, JoinL = 3, JoinR = 4;

    /// <summary>The Joining_Type of a code point that can occur in a valid label (Join_Causing reads as U).</summary>
    internal static int JoiningType(int cp)
    {
        if (cp < 0x80 || cp is 0x200C or 0x200D) return JoinU;
        int at = Find(Joining, 3, cp);
        if (at >= 0) return Joining[at + 2];
        return CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format ? JoinT : JoinU;
    }

    /// <summary>True when the Canonical_Combining_Class of <paramref name="cp"/> is Virama (9).</summary>
    internal static bool IsVirama(int cp)
    {
        ReadOnlySpan<int> table = Viramas;
        int lo = 0, hi = table.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cp == table[mid]) return true;
            if (cp < table[mid]) hi = mid - 1;
            else lo = mid + 1;
        }
        return false;
    }

    /// <summary>Script Greek, for a code point that can occur in a valid label.</summary>
    internal static bool IsGreek(int cp) => Find(Greek, 2, cp) >= 0;

    /// <summary>Script Hebrew, for a code point that can occur in a valid label.</summary>
    internal static bool IsHebrew(int cp) => Find(Hebrew, 2, cp) >= 0;

    /// <summary>Script Hiragana, Katakana or Han, for a code point that can occur in a valid label.</summary>
    internal static bool IsHiraganaKatakanaHan(int cp) => Find(HiraganaKatakanaHan, 2, cp) >= 0;

    /// <summary>The offset of the row of <paramref name="table"/> (rows of <paramref name="stride"/> ints, first, last, ...) holding <paramref name="cp"/>, or -1.</summary>
    private static int Find(ReadOnlySpan<int> table, int stride, int cp)
    {
        int lo = 0, hi = table.Length / stride - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1, row = mid * stride;
            if (cp < table[row]) hi = mid - 1;
            else if (cp > table[row + 1]) lo = mid + 1;
            else return row;
        }
        return -1;
    }

    /// <summary>
    /// Ranges (first, last) of LetterDigits code points that are DISALLOWED although lower-casing leaves
    /// them alone: NFKC or case folding changes them (compatibility characters, CJK compatibility
    /// ideographs, Greek with ypogegrammeni, Cherokee small letters ...), Default_Ignorable_Code_Point
    /// (U+034F, U+17B4-17B5, U+180B-180F, variation selectors), the blocks RFC 5892 2.4 ignores, old
    /// Hangul jamo (U+1100-11FF, A960-A97F, D7B0-D7FF).
    /// </summary>
    private static ReadOnlySpan<int> DisallowedLetters =>
    [
        0x00AA, 0x00BA, 0x0130, 0x0130, 0x0133, 0x0133, 0x0140, 0x0140, 0x0149, 0x0149, 0x017F, 0x017F,
        0x01C6, 0x01CC, 0x01F3, 0x01F3, 0x02B0, 0x02B8, 0x02E0, 0x02E4, 0x0340, 0x0341, 0x0343, 0x0345,
        0x034F, 0x034F, 0x0374, 0x0374, 0x037A, 0x037A, 0x03D0, 0x03D6, 0x03F0, 0x03F2, 0x03F5, 0x03F5,
        0x0587, 0x0587, 0x0675, 0x0678, 0x0958, 0x095F, 0x09DC, 0x09DF, 0x0A33, 0x0A33, 0x0A36, 0x0A36,
        0x0A59, 0x0A5B, 0x0A5E, 0x0A5E, 0x0B5C, 0x0B5D, 0x0E33, 0x0E33, 0x0EB3, 0x0EB3, 0x0EDC, 0x0EDD,
        0x0F43, 0x0F43, 0x0F4D, 0x0F4D, 0x0F52, 0x0F52, 0x0F57, 0x0F57, 0x0F5C, 0x0F5C, 0x0F69, 0x0F69,
        0x0F73, 0x0F73, 0x0F75, 0x0F79, 0x0F81, 0x0F81, 0x0F93, 0x0F93, 0x0F9D, 0x0F9D, 0x0FA2, 0x0FA2,
        0x0FA7, 0x0FA7, 0x0FAC, 0x0FAC, 0x0FB9, 0x0FB9, 0x10FC, 0x10FC, 0x1100, 0x11FF, 0x13F8, 0x13FD,
        0x17B4, 0x17B5, 0x180B, 0x180F, 0x1C80, 0x1C89, 0x1D2C, 0x1D2E, 0x1D30, 0x1D3A, 0x1D3C, 0x1D4D,
        0x1D4F, 0x1D6A, 0x1D78, 0x1D78, 0x1D9B, 0x1DBF, 0x1E9A, 0x1E9B, 0x1F71, 0x1F71, 0x1F73, 0x1F73,
        0x1F75, 0x1F75, 0x1F77, 0x1F77, 0x1F79, 0x1F79, 0x1F7B, 0x1F7B, 0x1F7D, 0x1FA7, 0x1FB2, 0x1FB4,
        0x1FB7, 0x1FC4, 0x1FC7, 0x1FC7, 0x1FD3, 0x1FD3, 0x1FE3, 0x1FE3, 0x1FF2, 0x1FF4, 0x1FF7, 0x2149,
        0x2C7C, 0x2C7D, 0x2D6F, 0x2D6F, 0x309F, 0x309F, 0x30FF, 0x30FF, 0x3131, 0x318E, 0xA69C, 0xA69D,
        0xA770, 0xA770, 0xA7CB, 0xA7CC, 0xA7DA, 0xA7DA, 0xA7DC, 0xA7F4, 0xA7F8, 0xA7F9, 0xA960, 0xA97C,
        0xAB5C, 0xAB5F, 0xAB69, 0xABBF, 0xD7B0, 0xFA0D, 0xFA10, 0xFA10, 0xFA12, 0xFA12, 0xFA15, 0xFA1E,
        0xFA20, 0xFA20, 0xFA22, 0xFA22, 0xFA25, 0xFA26, 0xFA2A, 0xFB1D, 0xFB1F, 0xFE0F, 0xFE70, 0xFE72,
        0xFE74, 0xFFDC, 0x10781, 0x107BA, 0x10D50, 0x10D65, 0x1CCF0, 0x1CCF9, 0x1D165, 0x1D7FF, 0x1E030, 0x1E06D,
        0x1EE00, 0x1FBF9, 0x2F800, 0x2FA1D, 0xE0100, 0xE01EF
    ];

    /// <summary>Ranges (first, last, class) where the Bidi_Class of a valid code point is not the default (NSM for Mn and Me, L otherwise).</summary>
    private static ReadOnlySpan<int> Bidi =>
    [
        0x02B9, 0x02BA, BidiON, 0x02C6, 0x02CF, BidiON, 0x02EC, 0x02EC, BidiON, 0x05D0, 0x05F2, BidiR,
        0x0620, 0x064A, BidiR, 0x066E, 0x066F, BidiR, 0x0671, 0x06D5, BidiR, 0x06E5, 0x06E6, BidiR,
        0x06EE, 0x0710, BidiR, 0x0712, 0x072F, BidiR, 0x074D, 0x07A5, BidiR, 0x07B1, 0x07EA, BidiR,
        0x07F4, 0x07F5, BidiR, 0x0800, 0x0815, BidiR, 0x081A, 0x081A, BidiR, 0x0824, 0x0824, BidiR,
        0x0828, 0x0828, BidiR, 0x0840, 0x0858, BidiR, 0x0860, 0x088E, BidiR, 0x08A0, 0x08C9, BidiR,
        0x0CBF, 0x0CBF, BidiL, 0x0CC6, 0x0CC6, BidiL, 0x2E2F, 0x2E2F, BidiON, 0xA67F, 0xA67F, BidiON,
        0xA717, 0xA71F, BidiON, 0xA788, 0xA788, BidiON, 0xFE73, 0xFE73, BidiR, 0x10800, 0x10A00, BidiR,
        0x10A10, 0x10A35, BidiR, 0x10A60, 0x10AE4, BidiR, 0x10B00, 0x10D23, BidiR, 0x10D30, 0x10D49, BidiAN,
        0x10D4A, 0x10D4F, BidiR, 0x10D6F, 0x10EA9, BidiR, 0x10EB0, 0x10EC4, BidiR, 0x10F00, 0x10F45, BidiR,
        0x10F70, 0x10F81, BidiR, 0x10FB0, 0x10FF6, BidiR, 0x11A07, 0x11A08, BidiL, 0x11C3F, 0x11C3F, BidiL,
        0x1E800, 0x1E8C4, BidiR, 0x1E922, 0x1E943, BidiR, 0x1E94B, 0x1E959, BidiR
    ];

    /// <summary>Ranges (first, last, type) where the Joining_Type of a valid code point is not the default (T for Mn, Me and Cf, U otherwise).</summary>
    private static ReadOnlySpan<int> Joining =>
    [
        0x0620, 0x0620, JoinD, 0x0622, 0x0625, JoinR, 0x0626, 0x0626, JoinD, 0x0627, 0x0627, JoinR,
        0x0628, 0x0628, JoinD, 0x0629, 0x0629, JoinR, 0x062A, 0x062E, JoinD, 0x062F, 0x0632, JoinR,
        0x0633, 0x0647, JoinD, 0x0648, 0x0648, JoinR, 0x0649, 0x064A, JoinD, 0x066E, 0x066F, JoinD,
        0x0671, 0x0673, JoinR, 0x0679, 0x0687, JoinD, 0x0688, 0x0699, JoinR, 0x069A, 0x06BF, JoinD,
        0x06C0, 0x06C0, JoinR, 0x06C1, 0x06C2, JoinD, 0x06C3, 0x06CB, JoinR, 0x06CC, 0x06CC, JoinD,
        0x06CD, 0x06CD, JoinR, 0x06CE, 0x06CE, JoinD, 0x06CF, 0x06CF, JoinR, 0x06D0, 0x06D1, JoinD,
        0x06D2, 0x06D5, JoinR, 0x06EE, 0x06EF, JoinR, 0x06FA, 0x06FC, JoinD, 0x06FF, 0x06FF, JoinD,
        0x0710, 0x0710, JoinR, 0x0712, 0x0714, JoinD, 0x0715, 0x0719, JoinR, 0x071A, 0x071D, JoinD,
        0x071E, 0x071E, JoinR, 0x071F, 0x0727, JoinD, 0x0728, 0x0728, JoinR, 0x0729, 0x0729, JoinD,
        0x072A, 0x072A, JoinR, 0x072B, 0x072B, JoinD, 0x072C, 0x072C, JoinR, 0x072D, 0x072E, JoinD,
        0x072F, 0x072F, JoinR, 0x074D, 0x074D, JoinR, 0x074E, 0x0758, JoinD, 0x0759, 0x075B, JoinR,
        0x075C, 0x076A, JoinD, 0x076B, 0x076C, JoinR, 0x076D, 0x0770, JoinD, 0x0771, 0x0771, JoinR,
        0x0772, 0x0772, JoinD, 0x0773, 0x0774, JoinR, 0x0775, 0x0777, JoinD, 0x0778, 0x0779, JoinR,
        0x077A, 0x077F, JoinD, 0x07CA, 0x07EA, JoinD, 0x0840, 0x0840, JoinR, 0x0841, 0x0845, JoinD,
        0x0846, 0x0847, JoinR, 0x0848, 0x0848, JoinD, 0x0849, 0x0849, JoinR, 0x084A, 0x0853, JoinD,
        0x0854, 0x0854, JoinR, 0x0855, 0x0855, JoinD, 0x0856, 0x0858, JoinR, 0x0860, 0x0860, JoinD,
        0x0862, 0x0865, JoinD, 0x0867, 0x0867, JoinR, 0x0868, 0x0868, JoinD, 0x0869, 0x0882, JoinR,
        0x0886, 0x0886, JoinD, 0x0889, 0x088D, JoinD, 0x088E, 0x088E, JoinR, 0x08A0, 0x08A9, JoinD,
        0x08AA, 0x08AC, JoinR, 0x08AE, 0x08AE, JoinR, 0x08AF, 0x08B0, JoinD, 0x08B1, 0x08B2, JoinR,
        0x08B3, 0x08B8, JoinD, 0x08B9, 0x08B9, JoinR, 0x08BA, 0x08C8, JoinD, 0x1820, 0x1878, JoinD,
        0x1887, 0x18A8, JoinD, 0x18AA, 0x18AA, JoinD, 0xA840, 0xA871, JoinD, 0xA872, 0xA872, JoinL,
        0x10AC0, 0x10AC4, JoinD, 0x10AC5, 0x10AC5, JoinR, 0x10AC7, 0x10ACA, JoinR, 0x10ACD, 0x10ACD, JoinL,
        0x10ACE, 0x10AD2, JoinR, 0x10AD3, 0x10AD6, JoinD, 0x10AD7, 0x10AD7, JoinL, 0x10AD8, 0x10ADC, JoinD,
        0x10ADD, 0x10ADD, JoinR, 0x10ADE, 0x10AE0, JoinD, 0x10AE1, 0x10AE1, JoinR, 0x10AE4, 0x10AE4, JoinR,
        0x10B80, 0x10B80, JoinD, 0x10B81, 0x10B81, JoinR, 0x10B82, 0x10B82, JoinD, 0x10B83, 0x10B85, JoinR,
        0x10B86, 0x10B88, JoinD, 0x10B89, 0x10B89, JoinR, 0x10B8A, 0x10B8B, JoinD, 0x10B8C, 0x10B8C, JoinR,
        0x10B8D, 0x10B8D, JoinD, 0x10B8E, 0x10B8F, JoinR, 0x10B90, 0x10B90, JoinD, 0x10B91, 0x10B91, JoinR,
        0x10D00, 0x10D00, JoinL, 0x10D01, 0x10D21, JoinD, 0x10D22, 0x10D22, JoinR, 0x10D23, 0x10D23, JoinD,
        0x10EC2, 0x10EC2, JoinR, 0x10EC3, 0x10EC4, JoinD, 0x10F30, 0x10F32, JoinD, 0x10F33, 0x10F33, JoinR,
        0x10F34, 0x10F44, JoinD, 0x10F70, 0x10F73, JoinD, 0x10F74, 0x10F75, JoinR, 0x10F76, 0x10F81, JoinD,
        0x10FB0, 0x10FB0, JoinD, 0x10FB2, 0x10FB3, JoinD, 0x10FB4, 0x10FB6, JoinR, 0x10FB8, 0x10FB8, JoinD,
        0x10FB9, 0x10FBA, JoinR, 0x10FBB, 0x10FBC, JoinD, 0x10FBD, 0x10FBD, JoinR, 0x10FBE, 0x10FBF, JoinD,
        0x10FC1, 0x10FC1, JoinD, 0x10FC2, 0x10FC3, JoinR, 0x10FC4, 0x10FC4, JoinD, 0x1E922, 0x1E943, JoinD,
        0x1E94B, 0x1E94B, JoinT
    ];

    /// <summary>Code points with Canonical_Combining_Class Virama (9), sorted.</summary>
    private static ReadOnlySpan<int> Viramas =>
    [
        0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C,
        0x0D4D, 0x0DCA, 0x0E3A, 0x0EBA, 0x0F84, 0x1039, 0x103A, 0x1714, 0x1715, 0x1734,
        0x17D2, 0x1A60, 0x1B44, 0x1BAA, 0x1BAB, 0x1BF2, 0x1BF3, 0x2D7F, 0xA806, 0xA82C,
        0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED, 0x10A3F, 0x11046, 0x11070, 0x1107F, 0x110B9,
        0x11133, 0x11134, 0x111C0, 0x11235, 0x112EA, 0x1134D, 0x113CE, 0x113CF, 0x113D0, 0x11442,
        0x114C2, 0x115BF, 0x1163F, 0x116B6, 0x1172B, 0x11839, 0x1193D, 0x1193E, 0x119E0, 0x11A34,
        0x11A47, 0x11A99, 0x11C3F, 0x11D44, 0x11D45, 0x11D97, 0x11F41, 0x11F42, 0x1612F
    ];

    private static ReadOnlySpan<int> Greek =>
    [
        0x0371, 0x03E1, 0x03F3, 0x03FC, 0x1D26, 0x1D2A, 0x1F00, 0x1FF6, 0xAB65, 0xAB65
    ];

    private static ReadOnlySpan<int> Hebrew =>
    [
        0x0591, 0x05F4, 0xFB1E, 0xFB1E
    ];

    private static ReadOnlySpan<int> HiraganaKatakanaHan =>
    [
        0x3005, 0x3005, 0x3007, 0x3007, 0x3041, 0x3096, 0x309D, 0x30FA, 0x30FD, 0x30FE, 0x31F0, 0x9FFF,
        0xFA0E, 0xFA29, 0x16FE3, 0x16FE3, 0x16FF0, 0x16FF1, 0x1AFF0, 0x1B167, 0x20000, 0x3FFFF
    ];
}

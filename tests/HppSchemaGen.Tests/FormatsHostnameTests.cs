using System.Text;
using HppSchemaGen.Validation;
using Xunit;

namespace HppSchemaGen.Tests;

/// <summary>
/// The <c>hostname</c> and <c>idn-hostname</c> checks (RFC 1123, IDNA2008: RFC 5890-5893), with cases of
/// our own beside the JSON-Schema-Test-Suite ones.
/// </summary>
public class FormatsHostnameTests
{
    private static bool Hostname(string s) => Formats.Check(Encoding.UTF8.GetBytes(s), "hostname");

    private static bool IdnHostname(string s) => Formats.Check(Encoding.UTF8.GetBytes(s), "idn-hostname");

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("EXAMPLE.Com", true)]
    [InlineData("a", true)]
    [InlineData("0", true)]
    [InlineData("1-2.3-4", true)]
    [InlineData("ab-cd", true)]
    [InlineData("a--b", true)]
    [InlineData("ab--cd", false)] // "--" in positions 3 and 4 only for A-labels
    [InlineData("-ab", false)]
    [InlineData("ab-", false)]
    [InlineData("a_b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("a..b", false)]
    [InlineData(".a", false)]
    [InlineData("a.", false)]
    [InlineData("a\n", false)]
    public void Ascii_host_names(string s, bool valid)
    {
        Assert.Equal(valid, Hostname(s));
        Assert.Equal(valid, IdnHostname(s));
    }

    [Fact]
    public void Only_idn_hostname_takes_u_labels_and_other_dots()
    {
        Assert.False(Hostname("b\u00fccher.de"));
        Assert.True(IdnHostname("b\u00fccher.de"));
        Assert.False(Hostname("a\u3002b"));
        Assert.True(IdnHostname("a\u3002b"));
    }

    [Fact]
    public void Label_and_name_lengths_count_octets_of_the_ascii_form()
    {
        string l63 = new('a', 63);
        Assert.True(Hostname(l63));
        Assert.False(Hostname(l63 + "a"));
        string name253 = l63 + "." + l63 + "." + l63 + "." + new string('a', 61);
        Assert.True(Hostname(name253));
        Assert.False(Hostname(name253 + "a"));

        // 57 x U+00FC is "xn--" + 59 octets, 58 of them one more.
        string u57 = new('\u00fc', 57);
        Assert.True(IdnHostname(u57));
        Assert.False(IdnHostname(u57 + "\u00fc"));
        Assert.True(IdnHostname(new string('a', 55) + "\u00fc"));
        Assert.False(IdnHostname(new string('a', 56) + "\u00fc"));
        // 342 bytes of UTF-8, but 253 octets as A-labels.
        string idn253 = u57 + "." + u57 + "." + u57 + "." + new string('a', 61);
        Assert.True(IdnHostname(idn253));
        Assert.False(IdnHostname(idn253 + "a"));
    }

    [Theory]
    [InlineData("xn--bcher-kva.de", true)] // bücher
    [InlineData("XN--BCHER-KVA.de", true)] // A-labels are case-insensitive
    [InlineData("xn--r8jz45g", true)] // 例え
    [InlineData("xn--caf-dma", true)] // café
    [InlineData("xn--zca", true)] // ß (PVALID exception)
    [InlineData("xn--", false)]
    [InlineData("xn--bcher-kva-", false)]
    [InlineData("xn--abc", false)] // decodes to C1 controls
    [InlineData("xn--bcher-kv0", false)] // a truncated number
    [InlineData("xn--ss-", false)] // decodes to ASCII only
    [InlineData("xn--wca", false)] // Ü: upper case outside ASCII is DISALLOWED
    [InlineData("xn--bcher-2pa", false)] // bÜcher
    [InlineData("xn--a-6ba", false)] // a¡
    [InlineData("xn--ngb1c", false)] // TATWEEL
    [InlineData("xn--la-0ea", false)] // l·a: contextual rules apply to A-labels too
    [InlineData("xn--ab-m1t", false)] // ZWJ without a virama
    public void A_labels_decode_to_valid_u_labels(string s, bool valid)
    {
        Assert.Equal(valid, Hostname(s));
        Assert.Equal(valid, IdnHostname(s));
    }

    [Fact]
    public void A_labels_must_be_the_canonical_encoding()
    {
        Assert.True(Hostname("xn--tda")); // ü
        Assert.False(Hostname("xn---tda")); // a delimiter with no basic code points before it
        Assert.False(Hostname("xn--tda0")); // a truncated number
    }

    [Theory]
    [InlineData("b\u00fccher.de", true)]
    [InlineData("B\u00fccher.DE", true)] // ASCII letters are case-insensitive, in U-labels too
    [InlineData("B\u00dcCHER.de", false)] // Ü is DISALLOWED
    [InlineData("stra\u00dfe", true)] // ß
    [InlineData("\u03c3\u03bf\u03c6\u03cc\u03c2", true)] // final sigma
    [InlineData("\u4f8b\u3048.\u30c6\u30b9\u30c8", true)]
    [InlineData("b\u00fccher\u3002de", true)] // ideographic full stop
    [InlineData("b\u00fccher\uff0ede", true)]
    [InlineData("b\u00fccher\uff61de", true)]
    [InlineData("b\u00fccher\u3002", false)]
    [InlineData("\uff61de", false)]
    [InlineData("\ufb01sh", false)] // ﬁ ligature: NFKC changes it
    [InlineData("\uff41bc", false)] // fullwidth a: mapped by UTS #46, DISALLOWED here
    [InlineData("\u2160x", false)] // ROMAN NUMERAL ONE: not a letter or digit
    [InlineData("a\u00adb", false)] // SOFT HYPHEN: default ignorable
    [InlineData("a\ufe0fb", false)] // variation selector
    [InlineData("\u1100\u1161", false)] // old Hangul jamo
    [InlineData("\uac00", true)] // a Hangul syllable
    [InlineData("a\u0640b", false)] // ARABIC TATWEEL: DISALLOWED exception
    [InlineData("\u3031a", false)]
    [InlineData("\u13a0\u13a1", true)] // Cherokee capitals are the stable form
    [InlineData("\uab70", false)] // Cherokee small letters fold to them
    [InlineData("\ud83d\ude00", false)] // emoji
    [InlineData("a\u00a1", false)]
    [InlineData("cafe\u0301", false)] // not NFC
    [InlineData("caf\u00e9", true)]
    [InlineData("\u0301a", false)] // leading combining mark
    [InlineData("a\u0301", false)] // not NFC either
    [InlineData("\u0915\u094d", true)] // a virama after a letter
    [InlineData("\u094d\u0915", false)]
    [InlineData("-\u00fc", false)]
    [InlineData("\u00fc-", false)]
    [InlineData("\u00fc\u00fc--x", false)] // "--" in positions 3 and 4
    [InlineData("\u00fc\u00fc-x-y", true)]
    public void U_labels(string s, bool valid) => Assert.Equal(valid, IdnHostname(s));

    [Fact]
    public void Invalid_utf8_is_invalid()
    {
        Assert.False(Formats.IsHostname(new byte[] { (byte)'a', 0xC3, 0x28 }, idn: true));
        Assert.False(Formats.IsHostname(new byte[] { 0xED, 0xA0, 0x80 }, idn: true)); // a surrogate
        Assert.False(Formats.IsHostname(new byte[] { 0xC1, 0x81 }, idn: true)); // overlong 'A'
    }

    [Theory]
    // A.1 ZERO WIDTH NON-JOINER: after a virama, or between a left- and a right-joining letter
    [InlineData("\u0915\u094d\u200c\u0937", true)]
    [InlineData("\u0628\u200c\u0628", true)] // BEH (dual) ZWNJ BEH
    [InlineData("\u0628\u064b\u200c\u064b\u0628", true)] // transparent marks on both sides
    [InlineData("\u0628\u200c\u0627", true)] // ... ALEF joins to the right
    [InlineData("\u0627\u200c\u0628", false)] // ALEF does not join to the left
    [InlineData("\u0628\u200c", false)]
    [InlineData("\u200c\u0628", false)]
    [InlineData("a\u200cb", false)]
    [InlineData("\u0628\u200c\u0628\u0915\u200c", false)] // every occurrence must hold
    // A.2 ZERO WIDTH JOINER: only after a virama
    [InlineData("\u0915\u094d\u200d\u0937", true)]
    [InlineData("\u0d15\u0d4d\u200d", true)] // Malayalam
    [InlineData("\u0628\u200d\u0628", false)]
    [InlineData("\u200d", false)]
    // A.3 MIDDLE DOT: between two 'l's
    [InlineData("l\u00b7l", true)]
    [InlineData("col\u00b7legi", true)]
    [InlineData("L\u00b7L", true)] // ASCII case-insensitive
    [InlineData("l\u00b7\u00b7l", false)]
    [InlineData("l\u00b7m", false)]
    [InlineData("\u00b7", false)]
    // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
    [InlineData("\u0375\u03b1", true)]
    [InlineData("\u03b1\u0375\u1f00", true)] // Greek Extended
    [InlineData("\u03b1\u0375", false)]
    [InlineData("\u03b1\u0375a", false)]
    [InlineData("\u03b1\u0375\u0430", false)] // Cyrillic а
    // A.5, A.6 HEBREW GERESH, GERSHAYIM: preceded by Hebrew
    [InlineData("\u05d0\u05f3", true)]
    [InlineData("\u05d0\u05f4\u05d1", true)]
    [InlineData("\u05f3", false)]
    [InlineData("\u0628\u05f4", false)] // Arabic before it
    // A.7 KATAKANA MIDDLE DOT: Hiragana, Katakana or Han anywhere in the label
    [InlineData("\u30ab\u30fb", true)]
    [InlineData("\u30fb\u3042", true)]
    [InlineData("\u6f22\u30fb\u5b57", true)]
    [InlineData("a\u30fbb", false)]
    [InlineData("\u30fb\u30fb", false)]
    [InlineData("\uac00\u30fb", false)] // Hangul is none of them
    // A.8, A.9 ARABIC-INDIC DIGITS and EXTENDED ARABIC-INDIC DIGITS do not mix
    [InlineData("\u0628\u0661\u0662", true)]
    [InlineData("\u06f1\u06f2", true)]
    [InlineData("\u0628\u0661\u06f2", false)]
    [InlineData("\u06f1\u0628\u0661", false)]
    public void Contextual_rules(string s, bool valid) => Assert.Equal(valid, IdnHostname(s));

    [Theory]
    [InlineData("\u05e9\u05dc\u05d5\u05dd", true)] // Hebrew
    [InlineData("\u05e9\u05dc\u05d5\u05dd1", true)] // RTL ending in EN
    [InlineData("\u05e9\u05b0", true)] // ending in NSM after R
    [InlineData("\u05e9-\u05dc", true)] // ES inside an RTL label
    [InlineData("\u0628\u0661\u0662", true)] // AL and AN
    [InlineData("\u0628\u0661", true)]
    [InlineData("1\u05e9", false)] // condition 1: starts with EN
    [InlineData("\u0661\u0628", false)] // starts with AN
    [InlineData("\u05e9a", false)] // condition 2: L in an RTL label
    [InlineData("\u05e9\u00b7", false)] // condition 3: ends with ON (MIDDLE DOT fails its own rule too)
    [InlineData("\u0628\u0661\u0031", false)] // condition 4: AN and EN
    [InlineData("a\u05e9", false)] // condition 5: R in an LTR label
    [InlineData("a\u0661", false)] // AN in an LTR label
    [InlineData("abc.\u05e9\u05dc\u05d5\u05dd", true)] // a Bidi domain name with an LTR label
    [InlineData("1abc.\u05e9\u05dc\u05d5\u05dd", false)] // an LDH label must satisfy the rule too
    [InlineData("\u05e9\u05dc\u05d5\u05dd.1abc", false)]
    [InlineData("xn--9dbne9b.abc", true)]
    [InlineData("1abc", true)] // no RTL label: the rule does not apply
    [InlineData("\u06f1a", true)] // EN only: not an RTL label
    [InlineData("xn--9dbne9b.1abc", false)] // the RTL label as an A-label
    public void Bidi_rule(string s, bool valid) => Assert.Equal(valid, IdnHostname(s));

    [Theory]
    [InlineData("user@b\u00fccher.de", true)]
    [InlineData("user@cafe\u0301.com", true)] // RFC 6532 only recommends NFC: checked in NFC
    [InlineData("user@a\u200db.com", false)]
    [InlineData("user@B\u00dcCHER.de", false)]
    public void Idn_email_domains(string s, bool valid) => Assert.Equal(valid, Formats.Check(Encoding.UTF8.GetBytes(s), "idn-email"));
}

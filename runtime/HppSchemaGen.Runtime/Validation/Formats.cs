using System;
using System.ComponentModel;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HppSchemaGen.Validation;

/// <summary>
/// <c>format</c> assertions, checked on the string's UTF-8 bytes. Unknown formats are annotations
/// and always pass, as the specification requires.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Formats
{
    /// <summary>True when the string value <paramref name="e"/> is valid for <paramref name="format"/>.</summary>
    public static bool Check(JsonElement e, string format)
    {
        if (!JsonStrings.TryGetUtf8(e, out ReadOnlySpan<byte> s, out byte[]? rented)) return false;
        try
        {
            return Check(s, format);
        }
        finally
        {
            JsonStrings.Return(rented);
        }
    }

    /// <summary>True when <paramref name="s"/> is valid for <paramref name="format"/>.</summary>
    public static bool Check(ReadOnlySpan<byte> s, string format) => format switch
    {
        "date-time" => IsDateTime(s),
        "date" => IsDate(s),
        "time" => IsTime(s),
        "duration" => IsDuration(s),
        "email" => IsEmail(s, idn: false),
        "idn-email" => IsEmail(s, idn: true),
        "hostname" => IsHostname(s, idn: false),
        "hostname (RFC 1123)" => IsRfc1123Hostname(s),
        "idn-hostname" => IsHostname(s, idn: true),
        "ipv4" => IsIPv4(s),
        "ipv6" => IsIPv6(s),
        "uri" => IsUri(s, requireScheme: true, allowNonAscii: false),
        "uri-reference" => IsUri(s, requireScheme: false, allowNonAscii: false),
        "iri" => IsUri(s, requireScheme: true, allowNonAscii: true),
        "iri-reference" => IsUri(s, requireScheme: false, allowNonAscii: true),
        "uri-template" => IsUriTemplate(s),
        "uuid" => IsUuid(s),
        "json-pointer" => IsJsonPointer(s),
        "relative-json-pointer" => IsRelativeJsonPointer(s),
        "regex" => IsRegex(s),
        _ => true,
    };

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (int i = start; i < start + count; i++)
        {
            byte b = s[i];
            if (b < '0' || b > '9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    /// <summary>RFC 3339 full-date.</summary>
    public static bool IsDate(ReadOnlySpan<byte> s)
        => s.Length == 10 && IsDatePart(s);

    private static bool IsDatePart(ReadOnlySpan<byte> s)
    {
        if (!Digits(s, 0, 4, out int y) || s[4] != '-' || !Digits(s, 5, 2, out int m) || s[7] != '-' || !Digits(s, 8, 2, out int d)) return false;
        if (m < 1 || m > 12 || d < 1) return false;
        int max = m == 2 ? (DateTime.IsLeapYear(Math.Max(1, y)) ? 29 : 28) : (m is 4 or 6 or 9 or 11 ? 30 : 31);
        return d <= max;
    }

    /// <summary>RFC 3339 full-time (offset required), leap seconds only at 23:59:60 UTC.</summary>
    public static bool IsTime(ReadOnlySpan<byte> s)
    {
        if (s.Length < 9 || !Digits(s, 0, 2, out int h) || s[2] != ':' || !Digits(s, 3, 2, out int mi) || s[5] != ':' || !Digits(s, 6, 2, out int sec)) return false;
        int i = 8;
        if (i < s.Length && s[i] == '.')
        {
            int start = ++i;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
            if (i == start) return false;
        }
        if (i >= s.Length) return false;
        int offsetMinutes;
        if (s[i] is (byte)'Z' or (byte)'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            int sign = s[i] == '-' ? -1 : 1;
            if (s.Length != i + 6 || !Digits(s, i + 1, 2, out int oh) || s[i + 3] != ':' || !Digits(s, i + 4, 2, out int om) || oh > 23 || om > 59) return false;
            offsetMinutes = sign * (oh * 60 + om);
            i += 6;
        }
        else return false;
        if (i != s.Length || h > 23 || mi > 59 || sec > 60) return false;
        if (sec == 60)
        {
            int utc = ((h * 60 + mi - offsetMinutes) % 1440 + 1440) % 1440;
            return utc == 23 * 60 + 59;
        }
        return true;
    }

    /// <summary>RFC 3339 date-time.</summary>
    public static bool IsDateTime(ReadOnlySpan<byte> s)
        => s.Length > 11 && IsDatePart(s.Slice(0, 10)) && s[10] is (byte)'T' or (byte)'t' && IsTime(s.Slice(11));

    /// <summary>ISO 8601 duration as RFC 3339 appendix A restricts it: units in order, none skipped inside a run.</summary>
    public static bool IsDuration(ReadOnlySpan<byte> s)
    {
        if (s.Length < 3 || s[0] != 'P') return false;
        int i = 1;
        bool any = false, inTime = false, timeUnits = false;
        string order = "YMD";
        int next = -1; // index in order the next unit must have; -1: any (first unit of a part)
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime) return false;
                inTime = true;
                order = "HMS";
                next = -1;
                i++;
                if (i >= s.Length) return false;
                continue;
            }
            int start = i;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
            if (i == start || i >= s.Length) return false;
            char unit = (char)s[i++];
            if (unit == 'W' && !inTime)
            {
                // Weeks stand alone: "P2W".
                return !any && i == s.Length;
            }
            int pos = order.IndexOf(unit);
            if (pos < 0 || (next >= 0 && pos != next)) return false;
            next = pos + 1;
            any = true;
            timeUnits |= inTime;
        }
        return any && (!inTime || timeUnits);
    }

    /// <summary>
    /// RFC 5321 mailbox: dot-atom or quoted local part, and a hostname or address literal. With
    /// <paramref name="idn"/> (RFC 6531) the domain may be an internationalized host name; RFC 6532 only
    /// recommends NFC for addresses, so the domain is checked in NFC.
    /// </summary>
    public static bool IsEmail(ReadOnlySpan<byte> s, bool idn)
    {
        int at = s.LastIndexOf((byte)'@');
        if (at <= 0 || at == s.Length - 1) return false;
        ReadOnlySpan<byte> local = s.Slice(0, at), domain = s.Slice(at + 1);
        if (local[0] == '"')
        {
            if (local.Length < 2 || local[local.Length - 1] != '"') return false;
        }
        else
        {
            if (local[0] == '.' || local[local.Length - 1] == '.') return false;
            for (int k = 1; k < local.Length; k++)
            {
                if (local[k] == '.' && local[k - 1] == '.') return false;
            }
            foreach (byte b in local)
            {
                if (b >= 0x80) { if (!idn) return false; continue; }
                if (!(IsAlnum(b) || "!#$%&'*+-/=?^_`{|}~.".IndexOf((char)b) >= 0)) return false;
            }
        }
        if (domain[0] == '[')
        {
            if (domain[domain.Length - 1] != ']') return false;
            ReadOnlySpan<byte> lit = domain.Slice(1, domain.Length - 2);
            if (lit.Length > 5 && lit[0] == 'I' && lit[1] == 'P' && lit[2] == 'v' && lit[3] == '6' && lit[4] == ':') return IsIPv6(lit.Slice(5));
            return IsIPv4(lit);
        }
        return idn ? Hostname.IsValidInNfc(domain) : IsHostname(domain, idn: false);
    }

    private static bool IsAlnum(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9';

    /// <summary>
    /// RFC 1123 host name whose labels may be IDNA2008 A-labels (<paramref name="idn"/> false), or an
    /// internationalized host name whose labels may also be U-labels (<paramref name="idn"/> true): labels
    /// of at most 63 octets, at most 253 in all, counted in ASCII form. See <see cref="Hostname"/>.
    /// </summary>
    public static bool IsHostname(ReadOnlySpan<byte> s, bool idn) => Hostname.IsValid(s, idn);

    /// <summary>Dotted-quad IPv4 without leading zeros.</summary>
    public static bool IsIPv4(ReadOnlySpan<byte> s)
    {
        int parts = 0, i = 0;
        while (true)
        {
            int start = i, value = 0;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9')
            {
                value = value * 10 + (s[i] - '0');
                if (value > 255) return false;
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 3 || (len > 1 && s[start] == '0')) return false;
            parts++;
            if (i == s.Length) return parts == 4;
            if (s[i] != '.' || parts == 4) return false;
            i++;
        }
    }

    /// <summary>RFC 4291 text form, no zone index.</summary>
    public static bool IsIPv6(ReadOnlySpan<byte> s)
    {
        if (s.Length < 2 || s.Length > 45) return false;
        foreach (byte b in s)
        {
            if (!(b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F' or (byte)':' or (byte)'.')) return false;
        }
        int groups = 0, doubleColons = 0, i = 0;
        if (s[0] == ':') { if (s[1] != ':') return false; }
        while (i < s.Length)
        {
            if (s[i] == ':')
            {
                if (i + 1 < s.Length && s[i + 1] == ':')
                {
                    if (i + 2 < s.Length && s[i + 2] == ':') return false;
                    doubleColons++;
                    i += 2;
                    continue;
                }
                if (i == 0 || i + 1 == s.Length) return false;
                i++;
                continue;
            }
            int start = i;
            while (i < s.Length && s[i] != ':') i++;
            ReadOnlySpan<byte> group = s.Slice(start, i - start);
            if (group.IndexOf((byte)'.') >= 0)
            {
                if (i != s.Length || !IsIPv4(group)) return false;
                groups += 2;
            }
            else
            {
                if (group.Length > 4) return false;
                groups++;
            }
        }
        if (doubleColons > 1) return false;
        return doubleColons == 1 ? groups < 8 : groups == 8;
    }

    /// <summary>RFC 3986 URI (or reference); RFC 3987 IRI when non-ASCII is allowed.</summary>
    public static bool IsUri(ReadOnlySpan<byte> s, bool requireScheme, bool allowNonAscii)
    {
        int i = 0;
        int schemeEnd = -1;
        for (int k = 0; k < s.Length; k++)
        {
            byte b = s[k];
            if (b == ':') { schemeEnd = k; break; }
            if (b is (byte)'/' or (byte)'?' or (byte)'#') break;
        }
        if (schemeEnd >= 0)
        {
            if (schemeEnd == 0 || !IsAlpha(s[0])) return false;
            for (int k = 1; k < schemeEnd; k++)
                if (!(IsAlnum(s[k]) || s[k] is (byte)'+' or (byte)'-' or (byte)'.')) return false;
            i = schemeEnd + 1;
        }
        else if (requireScheme) return false;

        // hier-part / relative-part
        if (i + 1 < s.Length && s[i] == '/' && s[i + 1] == '/')
        {
            int end = i + 2;
            while (end < s.Length && s[end] is not ((byte)'/' or (byte)'?' or (byte)'#')) end++;
            if (!IsAuthority(s.Slice(i + 2, end - i - 2), allowNonAscii)) return false;
            i = end;
        }
        else if (schemeEnd < 0)
        {
            // path-noscheme: no ':' before the first '/'.
            for (int k = i; k < s.Length && s[k] is not ((byte)'/' or (byte)'?' or (byte)'#'); k++)
                if (s[k] == ':') return false;
        }
        // path, query, fragment
        bool inFragment = false;
        for (; i < s.Length; i++)
        {
            byte b = s[i];
            if (b == '#')
            {
                if (inFragment) return false;
                inFragment = true;
                continue;
            }
            if (b is (byte)'/' or (byte)'?') continue;
            if (!IsPChar(s, ref i, allowNonAscii)) return false;
        }
        return true;
    }

    private static bool IsAuthority(ReadOnlySpan<byte> a, bool allowNonAscii)
    {
        int at = a.IndexOf((byte)'@');
        if (at >= 0)
        {
            if (a.Slice(at + 1).IndexOf((byte)'@') >= 0) return false;
            for (int k = 0; k < at; k++)
            {
                if (a[k] == ':') continue;
                if (!IsUnreservedOrSubDelim(a, ref k, allowNonAscii)) return false;
            }
            a = a.Slice(at + 1);
        }
        if (a.Length > 0 && a[0] == '[')
        {
            int close = a.IndexOf((byte)']');
            if (close < 0) return false;
            ReadOnlySpan<byte> literal = a.Slice(1, close - 1);
            if (!(IsIPv6(literal) || IsIPvFuture(literal))) return false;
            a = a.Slice(close + 1);
            if (a.Length > 0 && a[0] != ':') return false;
            return IsPort(a);
        }
        int colon = a.IndexOf((byte)':');
        ReadOnlySpan<byte> host = colon >= 0 ? a.Slice(0, colon) : a;
        if (colon >= 0 && !IsPort(a.Slice(colon))) return false;
        for (int k = 0; k < host.Length; k++)
        {
            if (!IsUnreservedOrSubDelim(host, ref k, allowNonAscii)) return false;
        }
        return true;
    }

    private static bool IsPort(ReadOnlySpan<byte> p)
    {
        if (p.Length == 0) return true;
        for (int k = 1; k < p.Length; k++)
            if (p[k] < '0' || p[k] > '9') return false;
        return p[0] == ':';
    }

    private static bool IsIPvFuture(ReadOnlySpan<byte> s)
    {
        if (s.Length < 4 || s[0] is not ((byte)'v' or (byte)'V')) return false;
        int i = 1;
        while (i < s.Length && IsHex(s[i])) i++;
        if (i == 1 || i >= s.Length || s[i] != '.' || i + 1 == s.Length) return false;
        for (i++; i < s.Length; i++)
        {
            if (s[i] == ':') continue;
            if (!IsUnreservedOrSubDelim(s, ref i, allowNonAscii: false)) return false;
        }
        return true;
    }

    private static bool IsUnreservedOrSubDelim(ReadOnlySpan<byte> s, ref int i, bool allowNonAscii)
    {
        byte b = s[i];
        if (b >= 0x80) return allowNonAscii;
        if (b == '%')
        {
            if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
            i += 2;
            return true;
        }
        return IsAlnum(b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~'
            or (byte)'!' or (byte)'$' or (byte)'&' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'*' or (byte)'+' or (byte)',' or (byte)';' or (byte)'=';
    }

    private static bool IsPChar(ReadOnlySpan<byte> s, ref int i, bool allowNonAscii)
        => s[i] is (byte)':' or (byte)'@' || IsUnreservedOrSubDelim(s, ref i, allowNonAscii);

    private static bool IsAlpha(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    /// <summary>RFC 6570 URI template: literals, and expressions of an optional operator and varspecs.</summary>
    public static bool IsUriTemplate(ReadOnlySpan<byte> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            byte b = s[i];
            if (b == '{')
            {
                int close = s.Slice(i).IndexOf((byte)'}');
                if (close < 0 || !IsTemplateExpression(s.Slice(i + 1, close - 1))) return false;
                i += close;
                continue;
            }
            if (b == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
                i += 2;
                continue;
            }
            if (b < 0x21 || b == 0x7F || b is (byte)'"' or (byte)'<' or (byte)'>' or (byte)'\\' or (byte)'^' or (byte)'`' or (byte)'|' or (byte)'}') return false;
        }
        return true;
    }

    private static bool IsTemplateExpression(ReadOnlySpan<byte> e)
    {
        if (e.Length == 0) return false;
        int i = 0;
        if (e[0] is (byte)'+' or (byte)'#' or (byte)'.' or (byte)'/' or (byte)';' or (byte)'?' or (byte)'&') i = 1;
        while (true)
        {
            // varname: varchar *( ["."] varchar )
            int start = i;
            bool lastDot = true;
            while (i < e.Length)
            {
                byte b = e[i];
                if (IsAlnum(b) || b == '_') { lastDot = false; i++; }
                else if (b == '%' && i + 2 < e.Length && IsHex(e[i + 1]) && IsHex(e[i + 2])) { lastDot = false; i += 3; }
                else if (b == '.' && !lastDot) { lastDot = true; i++; }
                else break;
            }
            if (i == start || lastDot) return false;
            if (i < e.Length && e[i] == ':')
            {
                int digits = ++i;
                while (i < e.Length && e[i] >= '0' && e[i] <= '9') i++;
                int n = i - digits;
                if (n == 0 || n > 4 || e[digits] == '0') return false;
            }
            else if (i < e.Length && e[i] == '*') i++;
            if (i == e.Length) return true;
            if (e[i] != ',') return false;
            i++;
            if (i == e.Length) return false;
        }
    }

    /// <summary>RFC 4122 text form: 8-4-4-4-12 hex digits.</summary>
    public static bool IsUuid(ReadOnlySpan<byte> s)
    {
        if (s.Length != 36) return false;
        for (int i = 0; i < 36; i++)
        {
            bool dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !IsHex(s[i])) return false;
        }
        return true;
    }

    /// <summary>RFC 6901 JSON Pointer.</summary>
    public static bool IsJsonPointer(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0) return true;
        if (s[0] != '/') return false;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '~' && (i + 1 >= s.Length || s[i + 1] is not ((byte)'0' or (byte)'1'))) return false;
        }
        return true;
    }

    /// <summary>Relative JSON Pointer (draft-handrews-relative-json-pointer-01).</summary>
    public static bool IsRelativeJsonPointer(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
        if (i == 0 || (i > 1 && s[0] == '0')) return false;
        if (i == s.Length) return true;
        if (s[i] == '#') return i + 1 == s.Length;
        return IsJsonPointer(s.Slice(i));
    }

    /// <summary>An ECMA-262 regular expression (as far as .NET can compile its translation).</summary>
    public static bool IsRegex(ReadOnlySpan<byte> s)
    {
        string pattern = Encoding.UTF8.GetString(s.ToArray());
        return EcmaRegexTranslator.IsEcmaSyntax(pattern) && Patterns.Create(pattern) is not null;
    }

    /// <summary>
    /// Draft-04/06 <c>hostname</c>: RFC 1123 labels (letters, digits, hyphens; not starting or ending
    /// with a hyphen; 1-63 octets), at most 253 octets; no trailing dot (as the suite has it). No IDNA2008 rules.
    /// </summary>
    public static bool IsRfc1123Hostname(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0 || s.Length > 253) return false;
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] != (byte)'.')
            {
                byte b = s[i];
                if (!(b is >= (byte)'a' and <= (byte)'z' || b is >= (byte)'A' and <= (byte)'Z' || b is >= (byte)'0' and <= (byte)'9' || b == (byte)'-')) return false;
                continue;
            }
            int length = i - start;
            if (length is 0 or > 63 || s[start] == (byte)'-' || s[i - 1] == (byte)'-') return false;
            start = i + 1;
        }
        return true;
    }
}

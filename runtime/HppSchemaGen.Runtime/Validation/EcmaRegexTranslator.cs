using System.Text;

namespace HppSchemaGen.Validation;

/// <summary>
/// ECMA-262 (JSON Schema's regex dialect, with Unicode semantics) to .NET regex. Compiled into the
/// runtime and, as a linked file, into the generator, which checks at build time that each pattern
/// compiles; both must translate identically.
/// </summary>
internal static class EcmaRegexTranslator
{
    private const string EcmaSpace = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

    // ECMA '.' is any code point but a line terminator; a surrogate pair is one code point.
    private const string AnyCodePoint = "(?:[\\ud800-\\udbff][\\udc00-\\udfff]|[^\\n\\r\\u2028\\u2029])";

    /// <summary>
    /// Rewrites the constructs whose .NET meaning differs: <c>\d</c>/<c>\w</c> are ASCII, <c>$</c> is
    /// the very end of input, <c>.</c> and astral characters are whole code points, <c>[]</c>/<c>[^]</c>
    /// are legal, and <c>\p{Letter}</c>-style long names are not .NET's.
    /// </summary>
    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char ch = pattern[i];
            if (ch == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[i + 1];
                i++;
                switch (next)
                {
                    case 'd': sb.Append(inClass ? "0-9" : "[0-9]"); break;
                    case 'D': sb.Append(inClass ? "\\D" : "[^0-9]"); break;
                    case 'w': sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"); break;
                    case 'W': sb.Append(inClass ? "\\W" : "[^a-zA-Z0-9_]"); break;
                    case 's': sb.Append(inClass ? EcmaSpace : "[" + EcmaSpace + "]"); break;
                    case 'S': sb.Append(inClass ? "\\S" : "[^" + EcmaSpace + "]"); break;
                    case 'p':
                    case 'P':
                        i = AppendProperty(pattern, i, next, sb);
                        break;
                    default: sb.Append('\\').Append(next); break;
                }
                continue;
            }
            if (inClass)
            {
                if (ch == ']') inClass = false;
                sb.Append(ch);
                continue;
            }
            if (ch == '[')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') { sb.Append("(?!)"); i++; continue; }
                if (i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']') { sb.Append("[\\s\\S]"); i += 2; continue; }
                inClass = true;
                sb.Append(ch);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') { sb.Append('^'); i++; }
                continue;
            }
            // ECMA-262 '$' (no multiline flag) is the end of input only: \z, which the non-backtracking engine
            // supports (the lookahead "(?!\n)$" forced the backtracking engine and its timeout).
            if (ch == '$') { sb.Append("\\z"); continue; }
            if (ch == '.') { sb.Append(AnyCodePoint); continue; }
            if (char.IsHighSurrogate(ch) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                // An astral character is one atom: a quantifier after it applies to both halves.
                sb.Append("(?:").Append(ch).Append(pattern[i + 1]).Append(')');
                i++;
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>False for syntax .NET accepts but ECMA-262 does not (inline flags, comments, \a, \Z ...).</summary>
    public static bool IsEcmaSyntax(string pattern)
    {
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char ch = pattern[i];
            if (ch == '\\')
            {
                if (i + 1 >= pattern.Length) return false;
                char next = pattern[++i];
                if (next is 'a' or 'e' or 'A' or 'Z' or 'z' or 'G' or 'h' or 'H' or 'K' or 'R' or 'X' or 'Q' or 'E') return false;
                continue;
            }
            if (inClass)
            {
                if (ch == ']') inClass = false;
                continue;
            }
            if (ch == '[') { inClass = true; if (i + 1 < pattern.Length && pattern[i + 1] == ']') { inClass = false; i++; } continue; }
            if (ch == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                if (i + 2 >= pattern.Length) return false;
                char kind = pattern[i + 2];
                bool ok = kind is ':' or '=' or '!'
                    || (kind == '<' && i + 3 < pattern.Length && (pattern[i + 3] is '=' or '!' || char.IsLetter(pattern[i + 3])));
                if (!ok) return false;
            }
        }
        return true;
    }

    private static int AppendProperty(string pattern, int i, char p, StringBuilder sb)
    {
        // i points at 'p' or 'P'; ECMA allows \p{Letter}, \p{L}, \p{Script=Greek}. .NET knows the short
        // general categories and Is<Block> names only.
        int close = pattern.IndexOf('}', i);
        if (i + 1 >= pattern.Length || pattern[i + 1] != '{' || close < 0)
        {
            sb.Append('\\').Append(p);
            return i;
        }
        string name = pattern.Substring(i + 2, close - i - 2);
        string mapped = name switch
        {
            "Letter" => "L",
            "Lowercase_Letter" => "Ll",
            "Uppercase_Letter" => "Lu",
            "Number" => "N",
            "Decimal_Number" or "digit" => "Nd",
            "Punctuation" => "P",
            "Symbol" => "S",
            "Separator" => "Z",
            "Mark" => "M",
            "Other" => "C",
            _ => name,
        };
        sb.Append('\\').Append(p).Append('{').Append(mapped).Append('}');
        return close;
    }
}

using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;

namespace HppSchemaGen.Validation;

/// <summary>
/// <c>pattern</c> / <c>patternProperties</c> support: ECMA-262 patterns translated to .NET, compiled
/// once, run with <see cref="RegexOptions.NonBacktracking"/> when the pattern allows it (linear time,
/// no ReDoS) and otherwise with a match timeout.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Patterns
{
    /// <summary>How long a backtracking pattern may run on one value before it counts as not matching.</summary>
    public static TimeSpan MatchTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The compiled regex for <paramref name="pattern"/>, cached in <paramref name="cache"/>; null when .NET cannot compile it.</summary>
    public static Regex? Get(ref Regex? cache, ref int state, string pattern)
    {
        if (Volatile.Read(ref state) == 0)
        {
            Regex? created = Create(pattern);
            Interlocked.CompareExchange(ref cache, created, null);
            Volatile.Write(ref state, 1);
        }
        return cache;
    }

    /// <summary>Compiles an ECMA-262 pattern; null when .NET cannot.</summary>
    public static Regex? Create(string pattern)
    {
        string translated = Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
        }
        catch (ArgumentException)
        {
        }
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the string value <paramref name="e"/> matches (searches, unanchored) <paramref name="regex"/>.</summary>
    public static bool IsMatch(JsonElement e, Regex? regex)
    {
        if (regex is null) return true; // reported at build time (HSG2003); an unusable pattern asserts nothing
        if (!JsonStrings.TryGetUtf8(e, out ReadOnlySpan<byte> utf8, out byte[]? rented)) return false;
        try
        {
            return IsMatch(utf8, regex);
        }
        finally
        {
            JsonStrings.Return(rented);
        }
    }

    /// <summary>True when the member name <paramref name="name"/> matches <paramref name="regex"/>.</summary>
    public static bool IsMatch(string name, Regex? regex)
    {
        if (regex is null) return true;
        try
        {
            return regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsMatch(ReadOnlySpan<byte> utf8, Regex regex)
    {
        char[]? rentedChars = null;
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[256] : (rentedChars = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            int n = Encoding.UTF8.GetChars(utf8, chars);
            return regex.IsMatch(chars.Slice(0, n));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        finally
        {
            if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
        }
    }

    /// <summary>
    /// Rewrites the ECMA-262 constructs whose .NET meaning differs: <c>\d</c>/<c>\w</c> are ASCII,
    /// <c>$</c> is the very end of input, and <c>\p{Letter}</c>-style long names are not .NET's.
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
                inClass = true;
                sb.Append(ch);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') { sb.Append('^'); i++; }
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') { sb.Append("\\]"); i++; }
                continue;
            }
            if (ch == '$')
            {
                sb.Append("(?!\\n)$");
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private const string EcmaSpace = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

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

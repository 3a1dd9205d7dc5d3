using System;
using System.Collections.Generic;
using System.Text;

namespace HppSchemaGen.Generator.Resolution;

internal static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>Splits an (already percent-decoded) pointer into unescaped tokens; null when it is not a pointer.</summary>
    public static List<string>? Parse(string pointer)
    {
        var tokens = new List<string>();
        if (pointer.Length == 0) return tokens;
        if (pointer[0] != '/') return null;
        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            tokens.Add(raw.Replace("~1", "/").Replace("~0", "~"));
        }
        return tokens;
    }

    /// <summary>Decodes %XX escapes (as UTF-8) in a URI fragment.</summary>
    public static string PercentDecode(string s)
    {
        if (s.IndexOf('%') < 0) return s;
        var bytes = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}

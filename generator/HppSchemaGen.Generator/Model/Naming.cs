using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// Turns JSON names into C# identifiers: PascalCase words, digits never first, nothing that is
/// not a valid identifier character, never a keyword. Pure functions of the input, so a name
/// never depends on anything but the text it came from.
/// </summary>
internal static class Naming
{
    public static string ToPascalCase(string text, string fallback)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool part = char.IsLetterOrDigit(c) && !char.IsSurrogate(c) && IsIdentifierPart(c);
            if (!part)
            {
                Flush(words, current);
                continue;
            }
            // Split camelCase humps so "backgroundImages" and "background_images" agree.
            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(current[current.Length - 1])) Flush(words, current);
            current.Append(c);
        }
        Flush(words, current);
        var sb = new StringBuilder();
        foreach (string w in words)
        {
            bool allUpper = true;
            foreach (char ch in w)
            {
                if (char.IsLower(ch)) { allUpper = false; break; }
            }
            sb.Append(char.ToUpperInvariant(w[0]));
            string rest = w.Substring(1);
            sb.Append(allUpper ? rest.ToLowerInvariant() : rest);
        }
        string result = sb.Length == 0 ? fallback : sb.ToString();
        if (!IsIdentifierStart(result[0])) result = "_" + result;
        if (SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(result) != SyntaxKind.None && result == result.ToLowerInvariant())
            result = "@" + result;
        if (!SyntaxFacts.IsValidIdentifier(result.TrimStart('@'))) result = fallback;
        return result;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0) words.Add(current.ToString());
        current.Clear();
    }

    private static bool IsIdentifierStart(char c) => c == '_' || SyntaxFacts.IsIdentifierStartCharacter(c);

    private static bool IsIdentifierPart(char c)
    {
        // Formatting characters (bidi controls, zero-width joiners) are legal in C# identifiers but
        // invisible: never let them into a generated name.
        UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat != UnicodeCategory.Format && SyntaxFacts.IsIdentifierPartCharacter(c);
    }

    /// <summary>A unique name within <paramref name="taken"/>: the wanted one, else with 2, 3 ... appended.</summary>
    public static string Unique(string wanted, HashSet<string> taken)
    {
        if (taken.Add(wanted)) return wanted;
        for (int i = 2; ; i++)
        {
            string candidate = wanted + i.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(candidate)) return candidate;
        }
    }
}

using System.Text;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// XML doc comments from schema text. Each source line becomes its own <c>///</c> line (every C#
/// line terminator is split on), XML is escaped and invisible/control characters are dropped, so
/// a description can neither leave the comment nor break the XML.
/// </summary>
internal static class DocComments
{
    public static void Write(SourceWriter w, DocSpec docs)
    {
        string? summary = docs.Title ?? docs.Description;
        if (summary is not null) Element(w, "summary", summary);
        if (docs.Title is not null && docs.Description is not null && docs.Description != docs.Title) Element(w, "remarks", docs.Description);
        foreach (string example in docs.Examples)
        {
            w.Line("/// <example>");
            w.Line("/// <code>");
            WriteLines(w, example);
            w.Line("/// </code>");
            w.Line("/// </example>");
        }
    }

    private static void Element(SourceWriter w, string tag, string text)
    {
        w.Line("/// <" + tag + ">");
        WriteLines(w, text);
        w.Line("/// </" + tag + ">");
    }

    private static void WriteLines(SourceWriter w, string text)
    {
        var line = new StringBuilder();
        int written = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '\n';
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                string content = line.ToString().TrimEnd();
                if (content.Length > 0 || (written > 0 && i < text.Length))
                {
                    w.Line("/// " + content);
                    written++;
                }
                line.Clear();
                continue;
            }
            AppendEscaped(line, text, i);
        }
    }

    /// <summary>One line of XML text: markup escaped, line breaks and invisible characters replaced.</summary>
    public static string EscapeInline(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++) AppendEscaped(sb, text, i);
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder line, string text, int i)
    {
        char c = text[i];
        switch (c)
        {
            case '<': line.Append("&lt;"); break;
            case '>': line.Append("&gt;"); break;
            case '&': line.Append("&amp;"); break;
            default:
                if (char.IsControl(c) || IsInvisible(c) || c is '\u2028' or '\u2029') line.Append(' ');
                else if (char.IsSurrogate(c) && !IsPairAt(text, i)) line.Append('\uFFFD');
                else line.Append(c);
                break;
        }
    }

    private static bool IsPairAt(string s, int i)
        => char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    private static bool IsInvisible(char c)
        => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}

using System.Globalization;
using System.Text;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Emit;

/// <summary>
/// Safe C# text from schema text. Every character outside printable ASCII becomes an escape, so
/// no schema string (quotes, newlines, bidi controls, lone surrogates) can end a literal early or
/// reorder what a reviewer sees.
/// </summary>
internal static class CSharp
{
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A UTF-8 literal (<c>"..."u8</c>) when the text has a UTF-8 form, else a plain string literal.</summary>
    public static string Utf8Literal(string value) => HasLoneSurrogate(value) ? Literal(value) : Literal(value) + "u8";

    public static bool HasLoneSurrogate(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(value[i])) return true;
        }
        return false;
    }

    /// <summary>A property type as declared: nullable annotation when null (or absence) is possible.</summary>
    public static string Declared(TypeRef type, bool nullable) => nullable ? type.FullName + "?" : type.FullName;
}

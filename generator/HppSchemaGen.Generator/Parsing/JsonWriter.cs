using System.Globalization;
using System.Text;

namespace HppSchemaGen.Generator.Parsing;

/// <summary>Writes a node back as compact JSON (for <c>enum</c>/<c>const</c>/<c>default</c> literals in generated code).</summary>
internal static class JsonWriter
{
    public static string Write(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode node, StringBuilder sb)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                sb.Append('{');
                for (int i = 0; i < node.Members.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteString(node.Members[i].Name, sb);
                    sb.Append(':');
                    Write(node.Members[i].Value, sb);
                }
                sb.Append('}');
                break;
            case JsonKind.Array:
                sb.Append('[');
                for (int i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(node.Items[i], sb);
                }
                sb.Append(']');
                break;
            case JsonKind.String: WriteString(node.Text!, sb); break;
            case JsonKind.Number: sb.Append(node.Text); break;
            case JsonKind.True: sb.Append("true"); break;
            case JsonKind.False: sb.Append("false"); break;
            default: sb.Append("null"); break;
        }
    }

    /// <summary>A JSON string; <paramref name="asciiOnly"/> escapes every character outside printable ASCII, else only what JSON requires.</summary>
    public static void WriteString(string s, StringBuilder sb, bool asciiOnly = true)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < ' ' || (asciiOnly && c > '~')) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}

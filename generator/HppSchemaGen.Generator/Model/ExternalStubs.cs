using System.Collections.Generic;
using System.Linq;
using System.Text;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Linking;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// Stand-ins for the documents of other groups that a group's references reach: one per resource,
/// with an empty schema at each place referred to, so that references resolve as they would with
/// the whole set in view. The model maps such a schema to its record's name and the validators
/// call its method; neither looks inside.
/// </summary>
internal static class ExternalStubs
{
    private const string PathPrefix = "HppSchemaGen/External/";

    public static List<(SchemaDocument Doc, ExternalSchema Schema)> Add(List<SchemaDocument> docs, IEnumerable<ExternalSchema> externals)
    {
        var result = new List<(SchemaDocument, ExternalSchema)>();
        foreach (IGrouping<string, ExternalSchema> resource in externals.GroupBy(e => e.Resource))
        {
            string text = Text(resource.Select(e => e.Pointer));
            JsonNode root = JsonParser.Parse(text).Root!;
            var file = new SchemaFile(PathPrefix + docs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), text, resource.First().Namespace, null, resource.Key);
            var doc = new SchemaDocument(docs.Count, file, new TextLines(file.Path, text), root, resource.Key);
            docs.Add(doc);
            foreach (ExternalSchema e in resource) result.Add((doc, e));
        }
        return result;
    }

    /// <summary>The node at a root ("") or definition pointer ("/$defs/Name") of a document, if any.</summary>
    public static JsonNode? Find(SchemaDocument doc, string pointer)
    {
        if (JsonPointer.Parse(pointer) is not List<string> tokens) return null;
        JsonNode? node = doc.Root;
        foreach (string token in tokens) node = node?.Kind == JsonKind.Object ? node.Get(token) : null;
        return node;
    }

    /// <summary><c>{}</c>, or <c>{"$defs": {"A": {}}, "definitions": {"B": {}}}</c> for the definitions referred to.</summary>
    private static string Text(IEnumerable<string> pointers)
    {
        var sections = new SortedDictionary<string, SortedSet<string>>(System.StringComparer.Ordinal);
        foreach (string pointer in pointers)
        {
            if (JsonPointer.Parse(pointer) is not { Count: 2 } tokens) continue;
            if (!sections.TryGetValue(tokens[0], out SortedSet<string>? names)) sections[tokens[0]] = names = new SortedSet<string>(System.StringComparer.Ordinal);
            names.Add(tokens[1]);
        }
        var sb = new StringBuilder("{");
        foreach (KeyValuePair<string, SortedSet<string>> section in sections)
        {
            if (sb.Length > 1) sb.Append(',');
            JsonWriter.WriteString(section.Key, sb);
            sb.Append(":{");
            bool first = true;
            foreach (string name in section.Value)
            {
                if (!first) sb.Append(',');
                first = false;
                JsonWriter.WriteString(name, sb);
                sb.Append(":{}");
            }
            sb.Append('}');
        }
        return sb.Append('}').ToString();
    }
}

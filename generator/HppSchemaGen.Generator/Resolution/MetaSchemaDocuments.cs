using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>
/// The 2020-12 meta-schemas, embedded in the generator (never fetched). They join the schema set
/// only when a document references them and no document of the user's claims their URIs.
/// </summary>
internal static class MetaSchemaDocuments
{
    private const string Prefix = "https://json-schema.org/draft/2020-12/";
    private static readonly string[] Names = { "schema", "core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "format-assertion", "content" };
    private static readonly Lazy<IReadOnlyList<SchemaFile>> s_files = new(Load);

    public static IEnumerable<SchemaFile> NeededBy(IReadOnlyList<SchemaDocument> documents)
    {
        if (!documents.Any(d => References(d.Root, 0))) return Array.Empty<SchemaFile>();
        var claimed = new HashSet<string>(documents.Select(d => d.Root.GetString("$id") ?? string.Empty), StringComparer.Ordinal);
        return s_files.Value.Where(f => !claimed.Contains(f.BaseUri!));
    }

    private static bool References(JsonNode node, int depth)
    {
        if (depth > JsonParser.MaxDepth) return false;
        foreach (JsonMember m in node.Members)
        {
            if (m.Name is "$ref" or "$dynamicRef" && m.Value.Kind == JsonKind.String && m.Value.Text!.StartsWith(Prefix, StringComparison.Ordinal)) return true;
            if (References(m.Value, depth + 1)) return true;
        }
        foreach (JsonNode item in node.Items)
        {
            if (References(item, depth + 1)) return true;
        }
        return false;
    }

    private static IReadOnlyList<SchemaFile> Load()
    {
        var files = new List<SchemaFile>();
        var assembly = typeof(MetaSchemaDocuments).Assembly;
        foreach (string name in Names)
        {
            using Stream? stream = assembly.GetManifestResourceStream("HppSchemaGen.MetaSchemas." + name + ".json");
            if (stream is null) continue;
            using var reader = new StreamReader(stream);
            string uri = Prefix + (name == "schema" ? "schema" : "meta/" + name);
            files.Add(new SchemaFile("HppSchemaGen/MetaSchemas/" + name + ".json", reader.ReadToEnd(), null, null, uri));
        }
        return files;
    }
}

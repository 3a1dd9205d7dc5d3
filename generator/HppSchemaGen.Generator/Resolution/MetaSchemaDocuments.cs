using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>
/// The meta-schemas of every supported draft (04, 06, 07, 2019-09 and 2020-12 with their vocabulary
/// meta-schemas), embedded in the generator (never fetched). A draft's meta-schemas join the schema
/// set only when a document references one of them, and then only those no document of the user's
/// claims the URI of.
/// </summary>
internal static class MetaSchemaDocuments
{
    /// <summary>
    /// One draft's meta-schemas: the URI prefix they (and every reference to them) start with, and
    /// their paths after it, which are also their paths under MetaSchemas/ (plus ".json").
    /// </summary>
    private sealed class Dialect
    {
        public Dialect(string prefix, params string[] names)
        {
            Prefix = prefix;
            Names = names;
            Files = new Lazy<IReadOnlyList<SchemaFile>>(Load);
        }

        public string Prefix { get; }

        public string[] Names { get; }

        public Lazy<IReadOnlyList<SchemaFile>> Files { get; }

        private IReadOnlyList<SchemaFile> Load()
        {
            var files = new List<SchemaFile>();
            string folder = Prefix.Substring(Prefix.IndexOf("json-schema.org/", StringComparison.Ordinal) + "json-schema.org/".Length);
            foreach (string name in Names)
            {
                string path = folder + name + ".json";
                if (!s_resources.Value.TryGetValue(path, out string? resource)) continue;
                using Stream? stream = typeof(MetaSchemaDocuments).Assembly.GetManifestResourceStream(resource);
                if (stream is null) continue;
                using var reader = new StreamReader(stream);
                files.Add(new SchemaFile(PathPrefix + path, reader.ReadToEnd(), null, null, Prefix + name));
            }
            return files;
        }
    }

    private const string ResourcePrefix = "HppSchemaGen.MetaSchemas/";

    /// <summary>The relative path the generator's own meta-schemas are known by (a user's files have the paths the compiler gives, absolute).</summary>
    private const string PathPrefix = "HppSchemaGen/MetaSchemas/";

    /// <summary>Whether the file is one of the generator's own meta-schemas (read whole, descriptions included).</summary>
    public static bool IsMeta(SchemaFile file) => file.Path.StartsWith(PathPrefix, StringComparison.Ordinal);

    private static readonly Dialect[] s_dialects =
    {
        new("http://json-schema.org/draft-04/", "schema"),
        new("http://json-schema.org/draft-06/", "schema"),
        new("http://json-schema.org/draft-07/", "schema"),
        new("https://json-schema.org/draft/2019-09/", "schema", "meta/core", "meta/applicator", "meta/validation", "meta/meta-data", "meta/format", "meta/content"),
        new("https://json-schema.org/draft/2020-12/", "schema", "meta/core", "meta/applicator", "meta/unevaluated", "meta/validation", "meta/meta-data",
            "meta/format-annotation", "meta/format-assertion", "meta/content"),
    };

    /// <summary>Manifest resource name by path under MetaSchemas/ ("draft-07/schema.json"), whatever the separator of the build machine.</summary>
    private static readonly Lazy<Dictionary<string, string>> s_resources = new(() =>
        typeof(MetaSchemaDocuments).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n.Substring(ResourcePrefix.Length).Replace('\\', '/'), n => n, StringComparer.Ordinal));

    public static IEnumerable<SchemaFile> NeededBy(IReadOnlyList<SchemaDocument> documents)
    {
        bool[] referenced = new bool[s_dialects.Length];
        foreach (SchemaDocument d in documents) FindReferences(d.Root, referenced, 0);
        if (!referenced.Any(r => r)) return Array.Empty<SchemaFile>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (SchemaDocument d in documents)
        {
            // An $id names the document with or without its empty fragment ("http://json-schema.org/draft-07/schema#").
            if ((d.Root.GetString(d.Draft.IdKeyword()) ?? d.Root.GetString("$id")) is string id) claimed.Add(Uris.Split(id).Resource);
        }
        return s_dialects.Where((_, i) => referenced[i]).SelectMany(d => d.Files.Value).Where(f => !claimed.Contains(f.BaseUri!)).ToList();
    }

    /// <summary>Marks the dialects whose meta-schemas a <c>$ref</c> or <c>$dynamicRef</c> under <paramref name="node"/> points into.</summary>
    private static void FindReferences(JsonNode node, bool[] referenced, int depth)
    {
        if (depth > JsonParser.MaxDepth) return;
        foreach (JsonMember m in node.Members)
        {
            if (m.Name is "$ref" or "$dynamicRef" && m.Value.Kind == JsonKind.String)
            {
                for (int i = 0; i < s_dialects.Length; i++)
                {
                    if (m.Value.Text!.StartsWith(s_dialects[i].Prefix, StringComparison.Ordinal)) referenced[i] = true;
                }
            }
            FindReferences(m.Value, referenced, depth + 1);
        }
        foreach (JsonNode item in node.Items) FindReferences(item, referenced, depth + 1);
    }
}

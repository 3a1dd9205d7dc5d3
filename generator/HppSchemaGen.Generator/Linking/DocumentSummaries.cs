using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Model.Validation;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Linking;

/// <summary>Reads a <see cref="DocumentSummary"/> from one document's canonical text, with a registry of that document alone.</summary>
internal static class DocumentSummaries
{
    /// <summary>Keywords whose subschema applies to the instance itself: a model looks through a reference there.</summary>
    private static readonly string[] InPlace = { "$ref", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies", "$dynamicRef", "$recursiveRef" };

    private static readonly string[] Dynamic = { "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor" };

    public static DocumentSummary Read(SchemaFile file, CancellationToken ct)
    {
        try
        {
            return ReadCore(file, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever this step cannot read, the model of the whole set reads (and reports) as before.
            return Opaque(file);
        }
    }

    /// <summary>A summary with nothing to link: <paramref name="whole"/> when the set must then be modeled as one.</summary>
    private static DocumentSummary Opaque(SchemaFile file, bool whole = true)
        => new(file, whole, false, EquatableArray<string>.Empty, string.Empty, null, EquatableArray<Definition>.Empty, EquatableArray<Export>.Empty, EquatableArray<OutgoingReference>.Empty);

    private static DocumentSummary ReadCore(SchemaFile file, CancellationToken ct)
    {
        var diagnostics = new List<DiagnosticInfo>();
        List<SchemaDocument> docs = SchemaDocuments.Load(new[] { file }, diagnostics);
        if (docs.Count == 0)
        {
            // Not a schema (or Swagger): its group reports it and generates nothing.
            return Opaque(file, whole: false);
        }
        SchemaDocument doc = docs[0];
        if (doc.OpenApi is not null) return Opaque(file);
        var nodes = new List<SchemaNode>();
        var registry = new SchemaRegistry(docs, diagnostics, nodes);
        ct.ThrowIfCancellationRequested();
        SchemaNode root = registry.Find(doc.Root)!;

        bool whole = false;
        var localTargets = new HashSet<JsonNode>(Resolution.ReferenceEqualityComparer.Instance);
        var leaving = new List<SchemaNode>();
        for (int i = 0; i < nodes.Count; i++)
        {
            JsonNode j = nodes[i].Json;
            if (j.Kind != JsonKind.Object) continue;
            foreach (string k in Dynamic) whole |= j.Get(k) is not null;
            whole |= (j.GetString("$id") ?? j.GetString("id")) is string id && id.StartsWith("#/", StringComparison.Ordinal);
            if (j.GetString("$ref") is not string reference) continue;
            if (registry.Resolve(nodes[i], reference) is SchemaNode local) localTargets.Add(local.Json);
            else leaving.Add(nodes[i]);
        }

        var references = new List<OutgoingReference>();
        foreach (SchemaNode n in leaving)
        {
            if (Uris.Resolve(n.BaseUri, n.Json.GetString("$ref")!) is not string target) continue;
            bool clean = ModelBuilder.IsPlainReference(n) && HoldsValue(n.Pointer) && !localTargets.Contains(n.Json);
            references.Add(new OutgoingReference(target, clean));
        }

        // A meta-schema of the set names the document's vocabularies: the model reads it, so it is not a reference by name.
        if (doc.Root.GetString("$schema") is string dialect && registry.Resolve(root, dialect) is null && Uris.Resolve(root.BaseUri, dialect) is string metaUri)
            references.Add(new OutgoingReference(metaUri, false));

        var resources = registry.Resources.Select(r => r.Key).OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray();
        string rootResource = SchemaRegistry.ResourceOf(root);

        var definitions = new List<Definition>();
        var exports = new List<Export>();
        if (Exportable(root, registry)) exports.Add(new Export(string.Empty, ModelBuilder.AllowsNull(root.Json), AbsoluteLocations.Of(registry, root)));
        foreach (string defs in new[] { "$defs", "definitions" })
        {
            if (doc.Root.Get(defs) is not { Kind: JsonKind.Object } map) continue;
            foreach (JsonMember m in map.Members)
            {
                if (m.Value.Kind != JsonKind.Object) continue;
                string pointer = "/" + defs + "/" + JsonPointer.Escape(m.Name);
                definitions.Add(new Definition(pointer, ModelBuilder.OverrideName(m.Value) ?? Naming.ToPascalCase(m.Name, "Definition")));
                if (registry.Find(m.Value) is SchemaNode def && Exportable(def, registry))
                    exports.Add(new Export(pointer, ModelBuilder.AllowsNull(def.Json), AbsoluteLocations.Of(registry, def)));
            }
        }

        return new DocumentSummary(file, whole, MetaSchemaDocuments.NeededBy(docs).Any(), resources, rootResource, ModelBuilder.RootName(doc),
            definitions.ToEquatableArray(), exports.ToEquatableArray(), references.ToEquatableArray());
    }

    /// <summary>
    /// A record whose shape this document alone decides: nothing in place (no <c>$ref</c>, no
    /// applicator) that another file could change, so a referrer maps it to its name.
    /// </summary>
    private static bool Exportable(SchemaNode node, SchemaRegistry registry)
    {
        if (node.Json.Kind != JsonKind.Object || node.Json.Get("unevaluatedProperties") is not null) return false;
        foreach (string k in InPlace)
        {
            if (node.Json.Get(k) is not null) return false;
        }
        return SchemaShape.Of(node, registry).Kind == ShapeKind.Record;
    }

    /// <summary>
    /// Whether the schema at <paramref name="pointer"/> is a value's schema (a property's, an item's,
    /// additional properties'), never applied in place to the instance its parent judges.
    /// </summary>
    private static bool HoldsValue(string pointer)
    {
        List<string>? tokens = JsonPointer.Parse(pointer);
        if (tokens is null || tokens.Count == 0) return false;
        string? last = null;
        int i = 0;
        while (i < tokens.Count)
        {
            string keyword = tokens[i];
            bool pair = Array.IndexOf(SchemaKeywords.Map, keyword) >= 0 || Array.IndexOf(SchemaKeywords.List, keyword) >= 0 || keyword == "dependencies"
                || keyword == "items" && i + 1 < tokens.Count && IsIndex(tokens[i + 1]);
            last = pair ? keyword + "/" : keyword;
            i += pair ? 2 : 1;
        }
        if (i != tokens.Count) return false;
        return last is "properties/" or "patternProperties/" or "prefixItems/" or "items/" or "items" or "additionalProperties" or "additionalItems";
    }

    // After "items" a keyword follows when items is one schema, an index when it is a tuple.
    private static bool IsIndex(string token) => token.Length > 0 && token.All(char.IsDigit);
}

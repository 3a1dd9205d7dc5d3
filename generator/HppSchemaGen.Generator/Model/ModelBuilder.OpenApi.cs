using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// OpenAPI documents: their root is not a schema. Each <c>components/schemas</c> entry is named like a
/// <c>$defs</c> entry (with the other documents' definitions); schemas written in place under paths are
/// named after every component (so adding an operation never renames a component); the class that
/// holds the document's validators is named last, from the file name.
/// </summary>
internal sealed partial class ModelBuilder
{
    private void PlanOpenApiComponents(SchemaDocument doc)
    {
        foreach (OpenApiSchema s in doc.OpenApi!.Components)
        {
            if (!_plannedNames.ContainsKey(s.Node)) PlanName(s.Node, OverrideName(s.Node) ?? s.Name, doc, s.Pointer);
        }
    }

    private void PlanOpenApiInline(List<SchemaDocument> docs)
    {
        foreach (SchemaDocument doc in docs)
        {
            if (doc.OpenApi is not OpenApiDocument api) continue;
            foreach (OpenApiSchema s in api.Inline)
            {
                if (!_plannedNames.ContainsKey(s.Node)) PlanName(s.Node, OverrideName(s.Node) ?? s.Name, doc, s.Pointer);
            }
        }
        foreach (SchemaDocument doc in docs)
        {
            if (doc.OpenApi is not null) _rootNames[doc] = PlanName(doc.Root, RootName(doc), doc, string.Empty);
        }
    }

    private void MapOpenApi(SchemaDocument doc)
    {
        foreach (OpenApiSchema s in doc.OpenApi!.All())
        {
            if (_registry.Find(s.Node) is not SchemaNode node || !_plannedNames.TryGetValue(s.Node, out string? name)) continue;
            TypeRef type = Map(node, name, 0).Type;
            if (!s.AlwaysType || (_named.TryGetValue(s.Node, out TypeRef? own) && own == type)) continue;
            // Not a record, enum or union of its own (a list, map, primitive or another component's
            // alias): it still gets a type, to validate and parse with.
            AddType(new TypeSpec(TypeSpecKind.Schema, NamespaceOf(doc), name, _options.Namespace, _options.ContextName, doc.DisplayId, s.Pointer,
                Docs(doc, s.Node), EquatableArray<PropertySpec>.Empty, null, EquatableArray<EnumMemberSpec>.Empty, _validators.Ref(node))
            {
                ValueType = type,
            });
        }
    }

    /// <summary>
    /// An OpenAPI <c>discriminator</c> on a oneOf/anyOf: the branch a <c>mapping</c> entry points to is
    /// tagged with that entry's key (the first, when several point to it), any other <c>$ref</c>
    /// branch with its schema's name. Null when the schema has none, or the tags would not be distinct.
    /// </summary>
    private (string? Name, List<string?> Values)? OpenApiDiscriminator(SchemaNode node, List<SchemaNode> branches)
    {
        if (node.Document.OpenApi is null || node.Json.Get("discriminator") is not { Kind: JsonKind.Object } d
            || d.GetString("propertyName") is not { Length: > 0 } property) return null;
        var mapping = new List<(string Value, JsonNode Target)>();
        if (d.Get("mapping") is { Kind: JsonKind.Object } map)
        {
            foreach (JsonMember m in map.Members)
            {
                if (m.Value.Kind != JsonKind.String) continue;
                string r = m.Value.Text!;
                string reference = r.IndexOfAny(new[] { '#', '/', '.' }) >= 0 ? r : "#/components/schemas/" + r;
                if (_registry.Resolve(node, reference) is SchemaNode t) mapping.Add((m.Name, t.Json));
            }
        }
        var values = new List<string?>();
        foreach (SchemaNode b in branches)
        {
            string? value = null;
            if (b.Json.GetString("$ref") is string r && _registry.Resolve(b, r) is SchemaNode target)
            {
                foreach ((string v, JsonNode t) in mapping)
                {
                    if (ReferenceEquals(t, target.Json))
                    {
                        value = v;
                        break;
                    }
                }
                value ??= r.Substring(r.LastIndexOf('/') + 1).Replace("~1", "/").Replace("~0", "~");
            }
            values.Add(value);
        }
        var present = values.Where(v => v is not null).ToList();
        if (present.Count == 0 || present.Distinct(StringComparer.Ordinal).Count() != present.Count) return null;
        return (property, values);
    }
}

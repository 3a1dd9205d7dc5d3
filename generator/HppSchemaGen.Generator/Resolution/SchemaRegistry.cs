using System.Collections.Generic;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>
/// Every schema of every document, by URI, anchor and position: what <c>$ref</c> resolves
/// against. Built fresh inside one pipeline step and never cached (it holds the JSON trees).
/// </summary>
internal sealed class SchemaRegistry
{
    private readonly Dictionary<JsonNode, SchemaNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, JsonNode> _resources = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _anchors = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _aliases = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _legacyAnchors = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, JsonNode Node)>> _dynamicAnchors = new(System.StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics;

    private readonly List<SchemaNode> _ordered;

    /// <param name="ordered">Receives every schema node in the order it is first met, including nodes met later while resolving.</param>
    public SchemaRegistry(IReadOnlyList<SchemaDocument> documents, List<DiagnosticInfo> diagnostics, List<SchemaNode> ordered)
    {
        _diagnostics = diagnostics;
        _ordered = ordered;
        Documents = documents;
        foreach (SchemaDocument doc in documents)
        {
            Register(doc.BaseUri, doc.Root, doc);
            Visit(doc, doc.Root, string.Empty, doc.BaseUri, doc.Draft);
            // An OpenAPI document's schemas sit where no schema keyword leads: components, bodies, parameters.
            if (doc.OpenApi is OpenApiDocument api)
            {
                foreach (OpenApiSchema s in api.All()) Visit(doc, s.Node, s.Pointer, doc.BaseUri, doc.Draft);
            }
        }
    }

    public IReadOnlyList<SchemaDocument> Documents { get; }

    /// <summary>Every resource URI registered (document bases and <c>$id</c>s), and the schema it names.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode>> Resources => _resources;

    public SchemaNode? Find(JsonNode json) => _nodes.TryGetValue(json, out SchemaNode? n) ? n : null;

    private void Register(string uri, JsonNode node, SchemaDocument doc)
    {
        if (_resources.TryGetValue(uri, out JsonNode? existing))
        {
            if (!ReferenceEquals(existing, node))
                _diagnostics.Add(doc.Lines.Diagnostic(DiagnosticDescriptors.DuplicateId, node.Start, node.Start + 1, uri));
            return;
        }
        _resources[uri] = node;
    }

    private void Visit(SchemaDocument doc, JsonNode json, string pointer, string baseUri, Draft draft)
    {
        if (_nodes.ContainsKey(json)) return;
        if (json.Kind != JsonKind.Object)
        {
            Add(new SchemaNode(doc, json, pointer, baseUri, draft));
            return;
        }
        if (json.GetString("$schema") is string dialect && pointer.Length > 0) draft = Drafts.FromSchemaUri(dialect);
        bool refHidesSiblings = draft.RefOverridesSiblings() && json.Get("$ref") is not null;
        if (!refHidesSiblings && json.GetString(draft.IdKeyword()) is string id)
        {
            if (id.StartsWith("#/", System.StringComparison.Ordinal))
            {
                // OpenAPI components written as separate files: "$id": "#/components/schemas/X" names the
                // document, and "$ref": "#/components/schemas/X" elsewhere means it.
                if (!_aliases.ContainsKey(id)) _aliases[id] = json;
            }
            else if (Uris.Resolve(baseUri, id) is string resolved)
            {
                (string resource, string fragment) = Uris.Split(resolved);
                if (resource != Uris.Split(baseUri).Resource || pointer.Length == 0)
                {
                    baseUri = resource;
                    Register(resource, json, doc);
                }
                if (fragment.Length > 0) _anchors[resource + "#" + fragment] = json;
            }
        }
        string resourceNow = Uris.Split(baseUri).Resource;
        if (json.GetString("$anchor") is string anchor) _anchors[resourceNow + "#" + anchor] = json;
        // A document that names no dialect may still be a draft-04 one, whose location-independent
        // identifiers are written "id": "#name" (later drafts write "$id": "#name", taken above): such a
        // name answers a reference that nothing else of its resource answers.
        if (draft == Draft.Draft202012 && doc.Root.Get("$schema") is null && json.Get("$ref") is null
            && json.GetString("id") is { Length: > 1 } legacyId && legacyId[0] == '#' && legacyId[1] != '/'
            && !_legacyAnchors.ContainsKey(resourceNow + legacyId))
        {
            _legacyAnchors[resourceNow + legacyId] = json;
        }
        // 2019-09's "$recursiveAnchor": true is a dynamic anchor without a name: RecursiveAnchorName stands for it.
        if (json.Get("$recursiveAnchor") is { Kind: JsonKind.True }) AddDynamicAnchor(resourceNow, RecursiveAnchorName, json);
        if (json.GetString("$dynamicAnchor") is string dynamicAnchor)
        {
            if (!_anchors.ContainsKey(resourceNow + "#" + dynamicAnchor)) _anchors[resourceNow + "#" + dynamicAnchor] = json;
            AddDynamicAnchor(resourceNow, dynamicAnchor, json);
        }

        Add(new SchemaNode(doc, json, pointer, baseUri, draft));

        foreach (string kw in SchemaKeywords.Single)
        {
            if (json.Get(kw) is JsonNode child && IsSchema(child)) Visit(doc, child, pointer + "/" + kw, baseUri, draft);
        }
        foreach (string kw in SchemaKeywords.Map)
        {
            if (json.Get(kw) is { Kind: JsonKind.Object } map)
            {
                foreach (JsonMember m in map.Members)
                {
                    if (IsSchema(m.Value)) Visit(doc, m.Value, pointer + "/" + kw + "/" + JsonPointer.Escape(m.Name), baseUri, draft);
                }
            }
        }
        foreach (string kw in SchemaKeywords.List)
        {
            if (json.Get(kw) is { Kind: JsonKind.Array } list)
            {
                for (int i = 0; i < list.Items.Count; i++)
                {
                    if (IsSchema(list.Items[i])) Visit(doc, list.Items[i], pointer + "/" + kw + "/" + i, baseUri, draft);
                }
            }
        }
        if (json.Get("items") is JsonNode items)
        {
            if (IsSchema(items)) Visit(doc, items, pointer + "/items", baseUri, draft);
            else if (items.Kind == JsonKind.Array)
            {
                for (int i = 0; i < items.Items.Count; i++)
                {
                    if (IsSchema(items.Items[i])) Visit(doc, items.Items[i], pointer + "/items/" + i, baseUri, draft);
                }
            }
        }
        if (json.Get("dependencies") is { Kind: JsonKind.Object } deps)
        {
            foreach (JsonMember m in deps.Members)
            {
                if (IsSchema(m.Value)) Visit(doc, m.Value, pointer + "/dependencies/" + JsonPointer.Escape(m.Name), baseUri, draft);
            }
        }
    }

    private void AddDynamicAnchor(string resource, string name, JsonNode node)
    {
        if (!_dynamicAnchors.TryGetValue(resource, out var list)) _dynamicAnchors[resource] = list = new List<(string, JsonNode)>();
        list.Add((name, node));
    }

    private void Add(SchemaNode node)
    {
        _nodes[node.Json] = node;
        _ordered.Add(node);
    }

    /// <summary>The anchor name under which <c>$recursiveAnchor: true</c> joins the dynamic scope (not a legal anchor, so no clash).</summary>
    public const string RecursiveAnchorName = "#recursive";

    /// <summary>The URI of the schema resource a node belongs to (its nearest enclosing <c>$id</c>, or its document).</summary>
    public static string ResourceOf(SchemaNode node) => Uris.Split(node.BaseUri).Resource;

    /// <summary>The root schema of a resource (a document, or a subschema with an <c>$id</c>); null when the URI names none.</summary>
    public SchemaNode? ResourceRoot(string resource) => _resources.TryGetValue(resource, out JsonNode? root) ? Find(root) : null;

    /// <summary>The <c>$dynamicAnchor</c>s declared in a resource, in document order.</summary>
    public IReadOnlyList<(string Name, JsonNode Node)> DynamicAnchorsIn(string resource)
        => _dynamicAnchors.TryGetValue(resource, out var list) ? list : (IReadOnlyList<(string, JsonNode)>)System.Array.Empty<(string, JsonNode)>();

    /// <summary>Every <c>$dynamicAnchor</c> of the whole set, by resource in registration order.</summary>
    public IEnumerable<(string Name, JsonNode Node)> AllDynamicAnchors()
    {
        foreach (var list in _dynamicAnchors.Values)
        {
            foreach (var a in list) yield return a;
        }
    }

    public static bool IsSchema(JsonNode n) => n.Kind is JsonKind.Object or JsonKind.True or JsonKind.False;

    /// <summary>Resolves a <c>$ref</c> made inside <paramref name="from"/>; null when nothing matches.</summary>
    public SchemaNode? Resolve(SchemaNode from, string reference)
    {
        string? target = Uris.Resolve(from.BaseUri, reference);
        if (target is not null)
        {
            (string resource, string rawFragment) = Uris.Split(target);
            string fragment = JsonPointer.PercentDecode(rawFragment);
            if (_resources.TryGetValue(resource, out JsonNode? root))
            {
                JsonNode? node = fragment.Length == 0 ? root
                    : fragment[0] == '/' ? Navigate(root, fragment)
                    : _anchors.TryGetValue(resource + "#" + fragment, out JsonNode? anchored) ? anchored
                    : _legacyAnchors.TryGetValue(resource + "#" + fragment, out JsonNode? legacy) ? legacy : null;
                if (node is not null && Find(node) is SchemaNode found) return found;
            }
        }
        return _aliases.TryGetValue(reference, out JsonNode? alias) ? Find(alias) : null;
    }

    /// <summary>Follows a schema's <c>$ref</c> chain to the schema it ends at; null when it breaks or is longer than <paramref name="maxSteps"/>.</summary>
    public SchemaNode? FollowRefs(SchemaNode node, int maxSteps)
    {
        for (int i = 0; node.Json.GetString("$ref") is string r; i++)
        {
            if (i == maxSteps || Resolve(node, r) is not SchemaNode next) return null;
            node = next;
        }
        return node;
    }

    private JsonNode? Navigate(JsonNode root, string pointer)
    {
        List<string>? tokens = JsonPointer.Parse(pointer);
        if (tokens is null || Find(root) is not SchemaNode rootNode) return null;
        JsonNode current = root;
        foreach (string token in tokens)
        {
            JsonNode? next = null;
            if (current.Kind == JsonKind.Object) next = current.Get(token);
            else if (current.Kind == JsonKind.Array && int.TryParse(token, out int index) && index >= 0 && index < current.Items.Count && token == index.ToString())
                next = current.Items[index];
            if (next is null) return null;
            current = next;
        }
        if (!IsSchema(current)) return null;
        // A pointer into a place the walk does not know as a schema (e.g. "#/components/schemas/X"):
        // it becomes a schema of its own, resolved against the base of the resource it sits in.
        if (Find(current) is null) Visit(rootNode.Document, current, rootNode.Pointer + pointer, rootNode.BaseUri, rootNode.Draft);
        return current;
    }
}

/// <summary>Reference equality for JSON nodes (netstandard2.0 has no ReferenceEqualityComparer).</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<JsonNode>
{
    public static readonly ReferenceEqualityComparer Instance = new();

    public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(JsonNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}

using System;
using System.Collections.Generic;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>A schema an OpenAPI document declares, with the type name the naming rule gives it.</summary>
internal sealed class OpenApiSchema
{
    public OpenApiSchema(string name, string pointer, JsonNode node, bool alwaysType)
    {
        Name = name;
        Pointer = pointer;
        Node = node;
        AlwaysType = alwaysType;
    }

    /// <summary>The wanted C# name (before <c>x-csharp-name</c> and collision suffixes).</summary>
    public string Name { get; }

    public string Pointer { get; }

    public JsonNode Node { get; }

    /// <summary>True when the schema gets a type even if it is a primitive, list or map (components, bodies); false for parameters.</summary>
    public bool AlwaysType { get; }
}

/// <summary>
/// An OpenAPI 3.0/3.1 document: which JSON Schema dialect its schema objects follow, and every schema
/// it declares, named by a stable rule (docs: README, "OpenAPI input"):
/// <list type="bullet">
/// <item><c>components/schemas/X</c> → <c>X</c> (the rules of a <c>$defs</c> key);</item>
/// <item>an operation's request body → <c>&lt;Op&gt;Request</c>, its responses → <c>&lt;Op&gt;Response&lt;status&gt;</c>
/// (<c>200</c>, <c>2XX</c>, <c>Default</c>), its parameters → <c>&lt;Op&gt;Parameter&lt;Name&gt;</c>, where
/// <c>&lt;Op&gt;</c> is the PascalCase <c>operationId</c>, else method + path (<c>GetPetsPetId</c>);</item>
/// <item>path-level parameters → <c>&lt;Path&gt;Parameter&lt;Name&gt;</c>; webhooks and callbacks like paths;</item>
/// <item><c>components/requestBodies/X</c> → <c>XRequestBody</c>, <c>responses/X</c> → <c>XResponse</c>, <c>parameters/X</c> → <c>XParameter</c>;</item>
/// <item>a second media type with its own schema appends the media type (<c>&lt;Op&gt;RequestApplicationXml</c>).</item>
/// </list>
/// Only schemas written in place are named: a plain <c>$ref</c> already has its component's type.
/// </summary>
internal sealed class OpenApiDocument
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };

    private readonly List<OpenApiSchema> _components = new();
    private readonly List<OpenApiSchema> _inline = new();
    private readonly List<(string Message, JsonNode At)> _problems = new();

    private OpenApiDocument(string version, Draft draft)
    {
        Version = version;
        Draft = draft;
    }

    public string Version { get; }

    /// <summary>3.0 schema objects are JSON Schema draft-04/05 with OpenAPI's extensions (<c>nullable</c>, boolean exclusive bounds, <c>$ref</c> replacing its siblings); 3.1 is 2020-12.</summary>
    public Draft Draft { get; }

    /// <summary><c>components/schemas</c>, in document order.</summary>
    public IReadOnlyList<OpenApiSchema> Components => _components;

    /// <summary>Schemas written in place under paths, webhooks and the other components, in document order.</summary>
    public IReadOnlyList<OpenApiSchema> Inline => _inline;

    /// <summary>Structure the reader skipped (reported as HSG0007).</summary>
    public IReadOnlyList<(string Message, JsonNode At)> Problems => _problems;

    public static bool IsOpenApi(JsonNode root) => root.Kind == JsonKind.Object && root.Get("openapi") is not null;

    public static bool IsSwagger(JsonNode root) => root.Kind == JsonKind.Object && root.Get("swagger") is not null && root.Get("openapi") is null;

    public static OpenApiDocument Read(JsonNode root)
    {
        JsonNode version = root.Get("openapi")!;
        string text = version.Kind is JsonKind.String or JsonKind.Number ? version.Text! : string.Empty;
        Draft draft;
        var problems = new List<(string, JsonNode)>();
        if (text.StartsWith("3.0", StringComparison.Ordinal)) draft = Draft.Draft4;
        else
        {
            if (!text.StartsWith("3.", StringComparison.Ordinal))
                problems.Add(("version '" + text + "' is not 3.0 or 3.1; the document is read as 3.1", version));
            draft = root.GetString("jsonSchemaDialect") is string dialect ? Drafts.FromSchemaUri(dialect) : Draft.Draft202012;
        }
        var doc = new OpenApiDocument(text, draft);
        doc._problems.AddRange(problems);
        doc.Walk(root);
        return doc;
    }

    private void Walk(JsonNode root)
    {
        if (Section(root, "components", "/components") is JsonNode components)
        {
            if (Section(components, "schemas", "/components/schemas") is JsonNode schemas)
            {
                foreach (JsonMember m in schemas.Members)
                {
                    if (SchemaRegistry.IsSchema(m.Value))
                        _components.Add(new OpenApiSchema(Naming.ToPascalCase(m.Name, "Definition"), "/components/schemas/" + JsonPointer.Escape(m.Name), m.Value, alwaysType: true));
                }
            }
            if (Section(components, "requestBodies", "/components/requestBodies") is JsonNode bodies)
            {
                foreach (JsonMember m in bodies.Members)
                    Content(m.Value, "/components/requestBodies/" + JsonPointer.Escape(m.Name), Name(m.Name) + "RequestBody");
            }
            if (Section(components, "responses", "/components/responses") is JsonNode responses)
            {
                foreach (JsonMember m in responses.Members)
                    Content(m.Value, "/components/responses/" + JsonPointer.Escape(m.Name), Name(m.Name) + "Response");
            }
            if (Section(components, "parameters", "/components/parameters") is JsonNode parameters)
            {
                foreach (JsonMember m in parameters.Members)
                    Parameter(m.Value, "/components/parameters/" + JsonPointer.Escape(m.Name), Name(m.Name) + "Parameter");
            }
            if (Section(components, "callbacks", "/components/callbacks") is JsonNode callbacks)
            {
                foreach (JsonMember m in callbacks.Members)
                    Callback(m.Value, "/components/callbacks/" + JsonPointer.Escape(m.Name), Name(m.Name));
            }
            if (Section(components, "pathItems", "/components/pathItems") is JsonNode pathItems)
            {
                foreach (JsonMember m in pathItems.Members)
                    PathItem(m.Value, "/components/pathItems/" + JsonPointer.Escape(m.Name), Name(m.Name));
            }
        }
        if (Section(root, "paths", "/paths") is JsonNode paths)
        {
            foreach (JsonMember m in paths.Members) PathItem(m.Value, "/paths/" + JsonPointer.Escape(m.Name), Name(m.Name));
        }
        if (Section(root, "webhooks", "/webhooks") is JsonNode webhooks)
        {
            foreach (JsonMember m in webhooks.Members) PathItem(m.Value, "/webhooks/" + JsonPointer.Escape(m.Name), Name(m.Name));
        }
    }

    private JsonNode? Section(JsonNode parent, string name, string pointer)
    {
        JsonNode? section = parent.Get(name);
        if (section is null || section.Kind == JsonKind.Object) return section;
        if (section.Kind != JsonKind.Null) _problems.Add(("'" + pointer + "' must be an object; it is ignored", section));
        return null;
    }

    /// <summary>PascalCase without the '@' a keyword would get (the name is always followed by more).</summary>
    private static string Name(string text) => Naming.ToPascalCase(text, "Item").TrimStart('@');

    private static bool IsReference(JsonNode n) => n.Kind == JsonKind.Object && n.Get("$ref") is not null;

    private void PathItem(JsonNode item, string pointer, string pathName)
    {
        if (item.Kind != JsonKind.Object || IsReference(item)) return;
        Parameters(item, pointer, pathName);
        foreach (JsonMember m in item.Members)
        {
            if (!Methods.Contains(m.Name) || m.Value.Kind != JsonKind.Object) continue;
            JsonNode op = m.Value;
            string opPointer = pointer + "/" + m.Name;
            string opName = op.GetString("operationId") is { Length: > 0 } id ? Name(id) : Name(m.Name) + pathName;
            Parameters(op, opPointer, opName);
            if (op.Get("requestBody") is JsonNode body) Content(body, opPointer + "/requestBody", opName + "Request");
            if (op.Get("responses") is { Kind: JsonKind.Object } responses)
            {
                foreach (JsonMember r in responses.Members)
                    Content(r.Value, opPointer + "/responses/" + JsonPointer.Escape(r.Name), opName + "Response" + Status(r.Name));
            }
            if (op.Get("callbacks") is { Kind: JsonKind.Object } callbacks)
            {
                foreach (JsonMember c in callbacks.Members) Callback(c.Value, opPointer + "/callbacks/" + JsonPointer.Escape(c.Name), opName + Name(c.Name));
            }
        }
    }

    private void Callback(JsonNode callback, string pointer, string name)
    {
        if (callback.Kind != JsonKind.Object || IsReference(callback)) return;
        foreach (JsonMember e in callback.Members) PathItem(e.Value, pointer + "/" + JsonPointer.Escape(e.Name), name);
    }

    private static string Status(string status)
    {
        if (status == "default") return "Default";
        foreach (char c in status)
        {
            if (!(c is >= '0' and <= '9' or 'X' or 'x')) return Name(status);
        }
        return status.ToUpperInvariant();
    }

    private void Parameters(JsonNode owner, string pointer, string ownerName)
    {
        if (owner.Get("parameters") is not { Kind: JsonKind.Array } list) return;
        for (int i = 0; i < list.Items.Count; i++)
        {
            JsonNode p = list.Items[i];
            if (p.Kind != JsonKind.Object || IsReference(p)) continue;
            string paramName = p.GetString("name") is { Length: > 0 } n ? Name(n) : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Parameter(p, pointer + "/parameters/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ownerName + "Parameter" + paramName);
        }
    }

    private void Parameter(JsonNode parameter, string pointer, string name)
    {
        if (parameter.Kind != JsonKind.Object || IsReference(parameter)) return;
        if (parameter.Get("schema") is JsonNode schema) Add(schema, pointer + "/schema", name, alwaysType: false);
        Content(parameter, pointer, name, alwaysType: false);
    }

    /// <summary>The schemas of a request body, response or parameter's <c>content</c>: the first media type gets the name, later ones append theirs.</summary>
    private void Content(JsonNode owner, string pointer, string name, bool alwaysType = true)
    {
        if (owner.Kind != JsonKind.Object || IsReference(owner) || owner.Get("content") is not { Kind: JsonKind.Object } content) return;
        bool first = true;
        foreach (JsonMember mt in content.Members)
        {
            if (mt.Value.Kind != JsonKind.Object || mt.Value.Get("schema") is not JsonNode schema) continue;
            if (Add(schema, pointer + "/content/" + JsonPointer.Escape(mt.Name) + "/schema", first ? name : name + Name(mt.Name), alwaysType)) first = false;
        }
    }

    private bool Add(JsonNode schema, string pointer, string name, bool alwaysType)
    {
        if (!SchemaRegistry.IsSchema(schema) || IsPlainReference(schema)) return false;
        _inline.Add(new OpenApiSchema(name, pointer, schema, alwaysType));
        return true;
    }

    /// <summary>A <c>$ref</c> with nothing but annotations beside it (in 3.0, any <c>$ref</c>: it replaces its siblings).</summary>
    private bool IsPlainReference(JsonNode schema)
    {
        if (schema.Kind != JsonKind.Object || schema.Get("$ref") is null) return false;
        if (Draft.RefOverridesSiblings()) return true;
        foreach (JsonMember m in schema.Members)
        {
            if (m.Name != "$ref" && !SchemaKeywords.Annotations.Contains(m.Name) && !m.Name.StartsWith("x-", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Every schema the document declares (what the registry walks besides the root).</summary>
    public IEnumerable<OpenApiSchema> All()
    {
        foreach (OpenApiSchema s in _components) yield return s;
        foreach (OpenApiSchema s in _inline) yield return s;
    }
}

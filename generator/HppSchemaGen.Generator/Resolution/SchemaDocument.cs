using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Model;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Resolution;

/// <summary>A parsed schema file: its JSON tree, its dialect and the URI it is known by.</summary>
internal sealed class SchemaDocument
{
    public SchemaDocument(int index, SchemaFile file, TextLines lines, JsonNode root, string baseUri, OpenApiDocument? openApi = null)
    {
        Index = index;
        File = file;
        Lines = lines;
        Root = root;
        BaseUri = baseUri;
        OpenApi = openApi;
        Draft = openApi?.Draft ?? Drafts.FromSchemaUri(root.GetString("$schema"));
        string? id = openApi is null ? root.GetString(Draft.IdKeyword()) : null;
        DisplayId = id ?? System.IO.Path.GetFileName(file.Path);
    }

    public int Index { get; }

    public SchemaFile File { get; }

    public TextLines Lines { get; }

    public JsonNode Root { get; }

    public string BaseUri { get; }

    public Draft Draft { get; }

    /// <summary>Set when the file is an OpenAPI document: its root is not a schema, its components and inline schemas are.</summary>
    public OpenApiDocument? OpenApi { get; }

    /// <summary>What the document is called in generated code: its <c>$id</c> as written, else its file name (never a path).</summary>
    public string DisplayId { get; }
}

/// <summary>A schema reached by the walk: where it is and which base URI it resolves references against.</summary>
internal sealed class SchemaNode
{
    public SchemaNode(SchemaDocument document, JsonNode json, string pointer, string baseUri, Draft draft)
    {
        Document = document;
        Json = json;
        Pointer = pointer;
        BaseUri = baseUri;
        Draft = draft;
    }

    public SchemaDocument Document { get; }

    public JsonNode Json { get; }

    /// <summary>JSON Pointer from the document root.</summary>
    public string Pointer { get; }

    public string BaseUri { get; }

    public Draft Draft { get; }
}

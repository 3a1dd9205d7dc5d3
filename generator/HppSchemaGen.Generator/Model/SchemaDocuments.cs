using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// Reads the model's input, each file's canonical text (<see cref="ParsedFile"/>), in a deterministic
/// order; what is not a schema or is Swagger becomes a diagnostic.
/// </summary>
internal static class SchemaDocuments
{
    public static List<SchemaDocument> Load(IEnumerable<SchemaFile> files, List<DiagnosticInfo> diagnostics)
    {
        var docs = new List<SchemaDocument>();
        // File name first, then full path: the same order on every machine for the same set of names.
        foreach (SchemaFile file in files.OrderBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            // The text is canonical JSON (see ParsedFile), or one of the generator's meta-schemas: it
            // parses, and its parse problems were reported on the file as written.
            var lines = new TextLines(file.Path, file.Text);
            JsonParseResult parsed = JsonParser.Parse(file.Text);
            if (parsed.Root is null) continue;
            if (OpenApiDocument.IsSwagger(parsed.Root))
            {
                JsonNode version = parsed.Root.Get("swagger")!;
                diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.SwaggerNotSupported, version.Start, version.End, version.Text ?? "2.0"));
                continue;
            }
            OpenApiDocument? openApi = null;
            if (OpenApiDocument.IsOpenApi(parsed.Root))
            {
                openApi = OpenApiDocument.Read(parsed.Root);
                foreach ((string message, JsonNode at) in openApi.Problems)
                    diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.OpenApiSkipped, at.Start, at.End, message));
            }
            else if (!SchemaRegistry.IsSchema(parsed.Root))
            {
                diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.NotASchema, parsed.Root.Start, parsed.Root.End, "The document root"));
                continue;
            }
            string baseUri = file.BaseUri is { Length: > 0 } b && Uris.Resolve("file:///", b) is string resolved ? resolved : Uris.FileBase(file.Path);
            docs.Add(new SchemaDocument(docs.Count, file, lines, parsed.Root, baseUri, openApi));
        }
        return docs;
    }

    public static bool IsYaml(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// YAML files are ours when named <c>*.openapi.yaml</c>/<c>*.openapi.yml</c>, or when their root has
    /// <c>openapi</c> (or <c>swagger</c>, to say it is not supported). One that does not parse is ours
    /// when a line starts with <c>openapi:</c> or <c>swagger:</c>, so its errors are reported.
    /// </summary>
    public static bool IsOpenApiYaml(SchemaFile file, JsonParseResult parsed)
    {
        string name = System.IO.Path.GetFileName(file.Path);
        if (name.EndsWith(".openapi.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".openapi.yml", StringComparison.OrdinalIgnoreCase)) return true;
        if (parsed.Root is JsonNode root) return OpenApiDocument.IsOpenApi(root) || OpenApiDocument.IsSwagger(root);
        return HasTopLevelKey(file.Text, "openapi") || HasTopLevelKey(file.Text, "swagger");
    }

    private static bool HasTopLevelKey(string text, string key)
    {
        for (int i = text.IndexOf(key, StringComparison.Ordinal); i >= 0; i = text.IndexOf(key, i + 1, StringComparison.Ordinal))
        {
            int start = i;
            if (start > 0 && (text[start - 1] == '"' || text[start - 1] == '\'')) start--;
            if (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r' && !(start == 1 && text[0] == '\uFEFF')) continue;
            int end = i + key.Length;
            if (end < text.Length && (text[end] == '"' || text[end] == '\'')) end++;
            if (end < text.Length && text[end] == ':') return true;
        }
        return false;
    }
}

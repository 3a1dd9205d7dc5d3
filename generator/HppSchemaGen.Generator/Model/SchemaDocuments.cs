using System;
using System.Collections.Generic;
using System.Linq;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Parsing;
using HppSchemaGen.Generator.Resolution;

namespace HppSchemaGen.Generator.Model;

/// <summary>Parses the schema files in a deterministic order; broken files become diagnostics.</summary>
internal static class SchemaDocuments
{
    public static List<SchemaDocument> Load(IEnumerable<SchemaFile> files, List<DiagnosticInfo> diagnostics)
    {
        var docs = new List<SchemaDocument>();
        // File name first, then full path: the same order on every machine for the same set of names.
        foreach (SchemaFile file in files.OrderBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            var lines = new TextLines(file.Path, file.Text);
            JsonParseResult parsed = JsonParser.Parse(file.Text);
            foreach ((string name, int offset) in parsed.Duplicates)
                diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.DuplicateMember, offset, offset + name.Length + 2, name));
            if (parsed.Root is null)
            {
                diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.InvalidJson, parsed.ErrorOffset, parsed.ErrorOffset + 1, parsed.Error ?? "unknown error"));
                continue;
            }
            if (!SchemaRegistry.IsSchema(parsed.Root))
            {
                diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.NotASchema, parsed.Root.Start, parsed.Root.End, "The document root"));
                continue;
            }
            string baseUri = file.BaseUri is { Length: > 0 } b && Uris.Resolve("file:///", b) is string resolved ? resolved : Uris.FileBase(file.Path);
            docs.Add(new SchemaDocument(docs.Count, file, lines, parsed.Root, baseUri));
        }
        return docs;
    }
}

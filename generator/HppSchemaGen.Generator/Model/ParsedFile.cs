using System;
using System.Collections.Generic;
using System.Threading;
using HppSchemaGen.Generator.Diagnostics;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Parsing;

namespace HppSchemaGen.Generator.Model;

/// <summary>
/// One schema file after its own, per-file step: the three things later steps need of it, kept
/// apart so that each changes only when it must.
/// <list type="bullet">
/// <item><see cref="Structure"/>: the file with its canonical text (no descriptions, no whitespace),
/// the model's only input; null when the file does not parse.</item>
/// <item><see cref="Docs"/>: the documentation of each schema object, for the emitters.</item>
/// <item><see cref="Positions"/> and <see cref="ParseDiagnostics"/>: where things are in the file as
/// written, for diagnostics.</item>
/// </list>
/// </summary>
internal sealed record ParsedFile(SchemaFile? Structure, FileDocs Docs, PositionMap Positions, EquatableArray<DiagnosticInfo> ParseDiagnostics)
{
    /// <summary>Parses one file; null for a YAML file that is plainly some other tool's.</summary>
    public static ParsedFile? Read(SchemaFile file, CancellationToken ct)
    {
        try
        {
            return ReadCore(file, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours must never take the user's compiler down: report it, and leave the file out.
            var lines = new TextLines(file.Path, file.Text);
            return Unreadable(file, lines, new[] { lines.Diagnostic(DiagnosticDescriptors.InternalError, 0, 0, e.GetType().Name + ": " + e.Message) });
        }
    }

    /// <summary>A file the model will not see: only its diagnostics, and the line starts to place them.</summary>
    private static ParsedFile Unreadable(SchemaFile file, TextLines lines, IEnumerable<DiagnosticInfo> diagnostics)
        => new(null, new FileDocs(file.Path, EquatableArray<DocEntry>.Empty),
            new PositionMap(file.Path, EquatableArray<int>.Empty, EquatableArray<int>.Empty, new EquatableArray<int>(lines.LineStarts), file.Text.Length),
            diagnostics.ToEquatableArray());

    private static ParsedFile? ReadCore(SchemaFile file, CancellationToken ct)
    {
        var lines = new TextLines(file.Path, file.Text);
        bool yaml = SchemaDocuments.IsYaml(file.Path);
        JsonParseResult parsed = yaml ? YamlParser.Parse(file.Text) : JsonParser.Parse(file.Text);
        if (yaml && !SchemaDocuments.IsOpenApiYaml(file, parsed)) return null;
        ct.ThrowIfCancellationRequested();

        var diagnostics = new List<DiagnosticInfo>();
        foreach ((string name, int offset) in parsed.Duplicates)
            diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.DuplicateMember, offset, offset + name.Length + (yaml ? 0 : 2), name));
        foreach ((string message, int offset) in parsed.Warnings)
            diagnostics.Add(lines.Diagnostic(DiagnosticDescriptors.YamlReadDifferently, offset, offset + 1, message));
        if (parsed.Root is null)
        {
            diagnostics.Add(lines.Diagnostic(yaml ? DiagnosticDescriptors.InvalidYaml : DiagnosticDescriptors.InvalidJson, parsed.ErrorOffset, parsed.ErrorOffset + 1, parsed.Error ?? "unknown error"));
            return Unreadable(file, lines, diagnostics);
        }

        CanonicalWriter.Written canonical = CanonicalWriter.Write(parsed.Root);
        var docs = new List<DocEntry>();
        foreach ((string pointer, JsonNode node) in canonical.Objects)
        {
            DocSpec spec = DocSpecs.From(node);
            if (spec != DocSpec.None) docs.Add(new DocEntry(pointer, spec));
        }
        docs.Sort(static (a, b) => string.CompareOrdinal(a.Pointer, b.Pointer));
        return new ParsedFile(
            file with { Text = canonical.Text },
            new FileDocs(file.Path, docs.ToEquatableArray()),
            new PositionMap(file.Path, canonical.Canonical.ToEquatableArray(), canonical.Original.ToEquatableArray(), new EquatableArray<int>(lines.LineStarts), file.Text.Length),
            diagnostics.ToEquatableArray());
    }
}

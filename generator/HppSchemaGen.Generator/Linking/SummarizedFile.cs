using System.Linq;
using HppSchemaGen.Generator.Helpers;
using HppSchemaGen.Generator.Model;

namespace HppSchemaGen.Generator.Linking;

/// <summary>
/// One file as the steps after it need it: parsed (docs, positions, parse diagnostics) and, when it
/// is a schema, summarized for the link step. One value per file so that the set is collected once:
/// the driver walks every collected table and compares its items on every run, even a run where
/// nothing changed (a C# keystroke), so each extra collected per-file value costs every keystroke
/// (see <see cref="Helpers.Collected{T}"/>).
/// </summary>
/// <param name="Outline">The summary without the file's text: what the link plan reads (an edit that
/// changes a property's type changes the text, not the outline). Kept here, though derivable, so
/// that an unchanged file's outline is the same object on every run and the plan's input compares
/// by reference.</param>
internal sealed record SummarizedFile(ParsedFile Parsed, DocumentSummary? Summary, DocumentSummary? Outline)
{
    public static SummarizedFile Of(ParsedFile parsed, System.Threading.CancellationToken ct)
    {
        DocumentSummary? summary = parsed.Structure is { } structure ? DocumentSummaries.Read(structure, ct) : null;
        return new(parsed, summary, summary is null ? null : summary with { File = summary.File with { Text = string.Empty } });
    }

    /// <summary>The summaries of the files that are schemas, in file order (the link step's input).</summary>
    public static EquatableArray<DocumentSummary> Summaries(EquatableArray<SummarizedFile> files)
        => files.Where(f => f.Summary is not null).Select(f => f.Summary!).ToEquatableArray();

    /// <summary>Their outlines, in the same order (index for index).</summary>
    public static EquatableArray<DocumentSummary> Outlines(EquatableArray<SummarizedFile> files)
        => files.Where(f => f.Outline is not null).Select(f => f.Outline!).ToEquatableArray();
}

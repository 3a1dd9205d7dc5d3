using System;
using HppSchemaGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HppSchemaGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data (a Roslyn <see cref="Diagnostic"/> holds a Location and is
/// not equatable), so it can travel through the cached pipeline and be reported at the end.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    EquatableArray<string> Arguments,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Get(Id);
        var span = new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));
        Location location = FilePath.Length == 0
            ? Location.None
            : Location.Create(FilePath, new TextSpan(Start, Length), span);
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = Arguments[i];
        return Diagnostic.Create(descriptor, location, args);
    }
}

/// <summary>Maps text offsets of one file to line and column.</summary>
internal sealed class TextLines
{
    private readonly int[] _lineStarts;

    public TextLines(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new System.Collections.Generic.List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') starts.Add(i + 1);
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The offset at which each line starts.</summary>
    public System.Collections.Generic.IReadOnlyList<int> LineStarts => _lineStarts;

    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return (index, offset - _lineStarts[index]);
    }

    public DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, int start, int end, params string[] args)
    {
        string id = descriptor.Id;
        start = Math.Max(0, Math.Min(start, Text.Length));
        end = Math.Max(start, Math.Min(end, Text.Length));
        (int sl, int sc) = Position(start);
        (int el, int ec) = Position(end);
        return new DiagnosticInfo(id, args.ToEquatableArray(), Path, start, end - start, sl, sc, el, ec);
    }
}

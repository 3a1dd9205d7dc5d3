using System;
using HppSchemaGen.Generator.Helpers;

namespace HppSchemaGen.Generator.Diagnostics;

/// <summary>
/// Where the model's offsets (in a file's canonical text, see Parsing/CanonicalWriter.cs) are in the
/// file as written, and where its lines start. The model reports problems against the canonical
/// text, which does not move when a description or whitespace changes; this map, rebuilt per file
/// on every edit, places them in the source only when they are reported.
/// </summary>
internal sealed record PositionMap(string Path, EquatableArray<int> Canonical, EquatableArray<int> Original, EquatableArray<int> LineStarts, int Length)
{
    /// <summary>The diagnostic placed in the file as written (a diagnostic of another file is returned as it is).</summary>
    public DiagnosticInfo Place(DiagnosticInfo d)
    {
        int start = Map(d.Start);
        int end = Math.Max(start, Map(d.Start + d.Length));
        (int sl, int sc) = Position(start);
        (int el, int ec) = Position(end);
        return d with { Start = start, Length = end - start, StartLine = sl, StartColumn = sc, EndLine = el, EndColumn = ec };
    }

    /// <summary>The last token boundary at or before the offset, plus the distance from it.</summary>
    private int Map(int offset)
    {
        int lo = 0, hi = Canonical.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (Canonical[mid] <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        int mapped = found < 0 ? offset : Original[found] + (offset - Canonical[found]);
        return Math.Max(0, Math.Min(mapped, Length));
    }

    private (int Line, int Column) Position(int offset)
    {
        int lo = 0, hi = LineStarts.Count - 1, line = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (LineStarts[mid] <= offset)
            {
                line = mid;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return (line, offset - (LineStarts.Count == 0 ? 0 : LineStarts[line]));
    }
}

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
        int found = LastAtOrBefore(Canonical, offset);
        int mapped = found < 0 ? offset : Original[found] + (offset - Canonical[found]);
        return Math.Max(0, Math.Min(mapped, Length));
    }

    private (int Line, int Column) Position(int offset)
    {
        int line = Math.Max(0, LastAtOrBefore(LineStarts, offset));
        return (line, offset - (LineStarts.Count == 0 ? 0 : LineStarts[line]));
    }

    /// <summary>The index of the last value at or before <paramref name="offset"/> in an ascending array; -1 when there is none.</summary>
    private static int LastAtOrBefore(EquatableArray<int> ascending, int offset)
    {
        int lo = 0, hi = ascending.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (ascending[mid] <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return found;
    }
}
